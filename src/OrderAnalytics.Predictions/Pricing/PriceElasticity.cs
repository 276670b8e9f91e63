using MathNet.Numerics.Distributions;

namespace OrderAnalytics.Predictions;

public enum PriceAggregation
{
    Day,
    Week,
}

public sealed record ElasticityOptions
{
    public PriceAggregation Aggregation { get; init; } = PriceAggregation.Day;

    /// <summary>Below this coefficient of variation of the effective price the slope is noise, not elasticity.</summary>
    public double MinPriceCv { get; init; } = 0.03;

    /// <summary>Fewest distinct effective prices (rounded to the rupee) and fewest periods for a regression.</summary>
    public int MinDistinctPrices { get; init; } = 3;

    public int MinPoints { get; init; } = 10;
}

/// <summary>
/// Elasticity = slope of log quantity on log effective price (-1.5 means 1% dearer sells 1.5% fewer),
/// with its 95% confidence interval from the t distribution with n - 2 degrees of freedom.
/// </summary>
public sealed record PriceElasticityResult(
    string Item,
    string Variant,
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    string? Message,
    double? Elasticity,
    double? CiLower,
    double? CiUpper,
    double? RSquared,
    int Points,
    int DistinctPrices,
    double PriceCv) : IModelResult;

/// <summary>
/// Log-log price elasticity per item variant from day (or week) aggregates: quantity = units sold in the
/// period, effective price = (sum of list price x qty - discounts) / qty. Caveats kept honest in the result:
/// periods with no sale have no observed price and are absent (so demand at high prices may look higher than
/// it is), and discounts cluster on festivals, which confounds price with occasion.
/// </summary>
public static class PriceElasticityAnalyzer
{
    public const string ModelVersion = "elasticity-loglog-v1";

    public static IReadOnlyList<PriceElasticityResult> Analyze(IEnumerable<ItemSales> sales, ElasticityOptions? options = null) =>
        sales.GroupBy(s => (s.Item, s.Variant))
            .OrderBy(g => g.Key.Item, StringComparer.Ordinal).ThenBy(g => g.Key.Variant, StringComparer.Ordinal)
            .Select(g => AnalyzeItem(g.Key.Item, g.Key.Variant, g.ToList(), options))
            .ToList();

    public static PriceElasticityResult AnalyzeItem(string item, string variant, IReadOnlyList<ItemSales> sales, ElasticityOptions? options = null)
    {
        options ??= new ElasticityOptions();
        var rows = sales.Where(s => s.Quantity > 0).ToList();
        var window = TrainingWindow.Of(rows.Select(s => s.Date));
        var points = rows
            .GroupBy(s => options.Aggregation == PriceAggregation.Week ? WeekStart(s.Date) : s.Date)
            .Select(g =>
            {
                double qty = (double)g.Sum(s => s.Quantity);
                double price = (double)g.Sum(s => s.UnitPrice * s.Quantity - s.Discount) / qty;
                return (Qty: qty, Price: price);
            })
            .Where(p => p.Price > 0)
            .ToList();

        int distinct = points.Select(p => Math.Round(p.Price)).Distinct().Count();
        double mean = points.Count > 0 ? points.Average(p => p.Price) : 0;
        double cv = points.Count > 1 && mean > 0
            ? Math.Sqrt(points.Sum(p => (p.Price - mean) * (p.Price - mean)) / (points.Count - 1)) / mean
            : 0;

        PriceElasticityResult Fail(ModelStatus status, string message) =>
            new(item, variant, ModelVersion, window, status, message, null, null, null, null, points.Count, distinct, cv);

        if (points.Count < options.MinPoints)
            return Fail(ModelStatus.InsufficientData, $"Need at least {options.MinPoints} {options.Aggregation.ToString().ToLowerInvariant()}s with sales, have {points.Count}.");
        if (distinct < options.MinDistinctPrices || cv < options.MinPriceCv)
            return Fail(ModelStatus.InsufficientPriceVariation,
                $"Insufficient price variation: {distinct} distinct prices, coefficient of variation {cv:P1} (need {options.MinDistinctPrices} and {options.MinPriceCv:P1}).");

        // ordinary least squares of ln q on ln p, in closed form (two parameters need no matrix library)
        var x = points.Select(p => Math.Log(p.Price)).ToArray();
        var y = points.Select(p => Math.Log(p.Qty)).ToArray();
        int n = x.Length;
        double xm = x.Average(), ym = y.Average();
        double sxx = 0, sxy = 0, syy = 0;
        for (int i = 0; i < n; i++)
        {
            sxx += (x[i] - xm) * (x[i] - xm);
            sxy += (x[i] - xm) * (y[i] - ym);
            syy += (y[i] - ym) * (y[i] - ym);
        }
        double slope = sxy / sxx;
        double sse = Math.Max(0, syy - slope * sxy);
        double se = Math.Sqrt(sse / (n - 2) / sxx);
        double tCrit = StudentT.InvCDF(0, 1, n - 2, 0.975);
        double r2 = syy > 0 ? 1 - sse / syy : 0;
        return new PriceElasticityResult(item, variant, ModelVersion, window, ModelStatus.Ok, null,
            slope, slope - tCrit * se, slope + tCrit * se, r2, n, distinct, cv);
    }

    private static DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek + 6) % 7)); // Monday
}
