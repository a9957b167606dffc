extension Catalog {
    /// How this catalog's language writes money (``MoneyStyle``), from its texts `money.pattern`
    /// and `money.number`; British (`£1,234.50`) when it gives none, or none that can be read.
    ///
    /// ```swift
    /// catalog.money(Money(pence: 1_454_786))   // "£14,547.86"; in Polish "14 547,86 £"
    /// ```
    package var moneyStyle: MoneyStyle {
        guard has(UIText.moneyPattern.key), has(UIText.moneyNumber.key) else { return .british }
        return MoneyStyle(pattern: text(.moneyPattern), number: text(.moneyNumber)) ?? .british
    }

    /// An amount as this catalog's language writes it for the person's copy.
    package func money(_ amount: Money) -> String { amount.formatted(in: moneyStyle) }
}
