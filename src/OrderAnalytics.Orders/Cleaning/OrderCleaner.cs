using System.Globalization;
using System.Text;
using OrderAnalytics.Contracts;

namespace OrderAnalytics.Orders;

/// <summary>
/// Applies the cleaning rules to a parsed order and returns an enriched copy: UTC time and business date,
/// E.164 phone, locality, customer key, and data-quality flags (orders are flagged, never dropped).
/// Deterministic for a given clock; idempotent (cleaning a cleaned order gives the same order); thread-safe.
/// Menu matching (<see cref="OrderItemData.Match"/>) is not done here.
/// </summary>
public sealed class OrderCleaner
{
    private static readonly HashSet<string> OwnedCodes =
    [
        QualityFlagCodes.NoItems, QualityFlagCodes.MoneyIdentity, QualityFlagCodes.InvalidTimestamp,
        QualityFlagCodes.InvalidPhone, QualityFlagCodes.NonPositivePrice, QualityFlagCodes.UnrealisticQuantity,
        QualityFlagCodes.TestOrder,
    ];

    private readonly TimeProvider _time;
    private readonly OrderCleanerOptions _options;
    private readonly PhoneNormalizer _phones;
    private readonly LocalityExtractor _localities;

    public OrderCleaner(TimeProvider? timeProvider = null, OrderCleanerOptions? options = null,
        PhoneNormalizer? phones = null, LocalityExtractor? localities = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _options = options ?? OrderCleanerOptions.Default;
        _phones = phones ?? new PhoneNormalizer();
        _localities = localities ?? LocalityExtractor.Default;
    }

    public OrderData Clean(OrderData order)
    {
        ArgumentNullException.ThrowIfNull(order);
        var flags = new List<QualityFlag>(order.Flags.Count + 2);
        foreach (var f in order.Flags)
        {
            if (!OwnedCodes.Contains(f.Code)) flags.Add(f);
        }

        var (createdAtUtc, businessDate) = CleanTime(order, flags);
        var customer = CleanCustomer(order, flags);
        CheckTestOrder(order, flags);
        CheckItems(order, flags);
        CheckMoney(order, flags);

        return order with
        {
            CreatedAtUtc = createdAtUtc,
            BusinessDate = businessDate,
            Customer = customer,
            Flags = flags,
        };
    }

    // ---------------------------------------------------------------- time

    private (DateTimeOffset?, DateOnly?) CleanTime(OrderData order, List<QualityFlag> flags)
    {
        var raw = order.CreatedOnRaw;
        string? problem;
        if (string.IsNullOrWhiteSpace(raw))
        {
            problem = "created_on missing";
        }
        else if (!BusinessTime.TryParseIst(raw, out var utc))
        {
            problem = $"created_on '{TextSanitizer.Preview(raw)}' is not a timestamp";
        }
        else
        {
            var now = _time.GetUtcNow();
            if (utc > now + _options.FutureTolerance)
            {
                problem = $"created_on '{TextSanitizer.Preview(raw)}' is in the future";
            }
            else if (DateOnly.FromDateTime(BusinessTime.ToIst(utc).DateTime) < _options.EarliestPlausibleDate)
            {
                problem = $"created_on '{TextSanitizer.Preview(raw)}' is before {_options.EarliestPlausibleDate:yyyy-MM-dd}";
            }
            else
            {
                return (utc, BusinessTime.BusinessDateOf(utc));
            }
        }

        if (order.OccurredAt is { } occurred)
        {
            var utcOccurred = occurred.ToUniversalTime();
            flags.Add(new QualityFlag(QualityFlagCodes.InvalidTimestamp, problem + "; business time taken from occurred_at"));
            return (utcOccurred, BusinessTime.BusinessDateOf(utcOccurred));
        }
        flags.Add(new QualityFlag(QualityFlagCodes.InvalidTimestamp, problem + "; no occurred_at either, business date unknown"));
        return (null, null);
    }

    // ---------------------------------------------------------------- customer

    private CustomerData? CleanCustomer(OrderData order, List<QualityFlag> flags)
    {
        var c = order.Customer;
        if (c is null) return null;
        if (IsBlank(c.Name) && IsBlank(c.PhoneRaw) && IsBlank(c.Address) && IsBlank(c.Gstin)) return null;

        string? e164 = null;
        if (!IsBlank(c.PhoneRaw))
        {
            e164 = _phones.ToE164(c.PhoneRaw);
            if (e164 is null)
                flags.Add(new QualityFlag(QualityFlagCodes.InvalidPhone, $"phone '{MaskPhone(c.PhoneRaw!)}' is not a valid number"));
        }

        var locality = _localities.Extract(c.Address);
        var key = CustomerKeys.For(e164, c.Name, locality, CustomerKeys.IsAggregatorOrder(order));
        return c with { PhoneE164 = e164, Locality = locality, CustomerKey = key };
    }

    private static string MaskPhone(string raw)
    {
        // Flags are visible to analysts: keep only the shape and the last two characters.
        var preview = TextSanitizer.Preview(raw, 24);
        var sb = new StringBuilder(preview.Length);
        for (var i = 0; i < preview.Length; i++)
        {
            var c = preview[i];
            sb.Append(char.IsAsciiDigit(c) && i < preview.Length - 2 ? '*' : c);
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- checks

    private void CheckTestOrder(OrderData order, List<QualityFlag> flags)
    {
        if (_options.TestOrderIds.Contains(order.OrderId))
        {
            flags.Add(new QualityFlag(QualityFlagCodes.TestOrder, $"orderID {order.OrderId} is a known test order"));
            return;
        }
        foreach (var item in order.Items)
        {
            if (_options.TestItemNames.Contains(item.NameRaw.Trim()))
            {
                flags.Add(new QualityFlag(QualityFlagCodes.TestOrder, $"line {item.LineNo} is '{TextSanitizer.Preview(item.NameRaw)}'"));
                return;
            }
        }
    }

    private void CheckItems(OrderData order, List<QualityFlag> flags)
    {
        if (order.Items.Count == 0)
        {
            flags.Add(new QualityFlag(QualityFlagCodes.NoItems, "order has no item lines"));
            return;
        }

        var freeAllowed = order.Status is not null && _options.FreeOrderStatuses.Contains(order.Status.Trim());
        StringBuilder? price = null, quantity = null;
        int priceCount = 0, quantityCount = 0;
        foreach (var item in order.Items)
        {
            if (item.UnitPrice < 0 || (item.UnitPrice == 0 && !freeAllowed))
                Append(ref price, ref priceCount, item, $"price {Money(item.UnitPrice)}");
            if (item.Quantity <= 0 || item.Quantity > _options.MaxRealisticQuantity)
                Append(ref quantity, ref quantityCount, item, $"quantity {Number(item.Quantity)}");
        }
        if (price is not null) flags.Add(new QualityFlag(QualityFlagCodes.NonPositivePrice, Finish(price, priceCount)));
        if (quantity is not null) flags.Add(new QualityFlag(QualityFlagCodes.UnrealisticQuantity, Finish(quantity, quantityCount)));
    }

    private void Append(ref StringBuilder? sb, ref int count, OrderItemData item, string what)
    {
        count++;
        if (count > _options.MaxLinesInDetail) return;
        sb ??= new StringBuilder();
        if (sb.Length > 0) sb.Append("; ");
        sb.Append("line ").Append(item.LineNo.ToString(CultureInfo.InvariantCulture)).Append(" '")
            .Append(TextSanitizer.Preview(item.NameRaw)).Append("' ").Append(what);
    }

    private string Finish(StringBuilder sb, int count)
    {
        if (count > _options.MaxLinesInDetail) sb.Append($" (+{count - _options.MaxLinesInDetail} more lines)");
        return sb.ToString();
    }

    private void CheckMoney(OrderData o, List<QualityFlag> flags)
    {
        var computed = MoneyIdentity.Expected(o);
        var diff = o.Total - computed;
        if (Math.Abs(diff) <= _options.MoneyTolerance) return;
        flags.Add(new QualityFlag(QualityFlagCodes.MoneyIdentity,
            $"total {Money(o.Total)} but core_total − discount_total + tax_total + packaging_charge + delivery_charges + " +
            $"service_charge + round_off = {Money(computed)} (difference {Money(diff)})"));
    }

    private static string Money(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Number(decimal d) => d.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool IsBlank(string? s) => string.IsNullOrWhiteSpace(s);
}

/// <summary>The money identity checked on real orders.</summary>
public static class MoneyIdentity
{
    /// <summary>core_total − discount_total + tax_total + packaging_charge + delivery_charges + service_charge + round_off.</summary>
    public static decimal Expected(OrderData o) =>
        o.CoreTotal - o.DiscountTotal + o.TaxTotal + o.PackagingCharge + o.DeliveryCharges + o.ServiceCharge + o.RoundOff;
}
