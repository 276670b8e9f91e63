namespace OrderAnalytics.Orders;

/// <summary>Internal control flow of the parser: carries a quarantine reason. Never escapes Parse.</summary>
internal sealed class QuarantineException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
