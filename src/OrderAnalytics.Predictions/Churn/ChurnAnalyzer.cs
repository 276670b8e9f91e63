namespace OrderAnalytics.Predictions;

/// <summary>A customer's churn outlook at the end of the training data.</summary>
public sealed record CustomerChurnScore(
    string CustomerKey,
    int RepeatPurchases,
    double RecencyWeeks,
    double AgeWeeks,
    double ProbabilityAlive,
    double ExpectedPurchases,
    double ProbabilityOfPurchase);

public sealed record ChurnResult(
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    string? Message,
    BgNbdFit? Fit,
    double HorizonWeeks,
    IReadOnlyList<CustomerChurnScore> Customers) : IModelResult;

/// <summary>
/// Calibration/holdout check: fit on transactions up to the calibration end, then see who purchased in the
/// holdout. AUCs say how well the scores rank returners above non-returners (0.5 = coin flip).
/// P(alive) alone ranks poorly by design - every one-time customer has P(alive) = 1 in BG/NBD - so the
/// probability of at least one purchase in the holdout is reported alongside.
/// </summary>
public sealed record ChurnValidation(
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    string? Message,
    DateOnly HoldoutEnd,
    BgNbdFit? Fit,
    int Customers,
    int ReturnedInHoldout,
    double AucProbabilityAlive,
    double AucProbabilityOfPurchase,
    double PredictedHoldoutPurchases,
    double ActualHoldoutPurchases) : IModelResult;

/// <summary>
/// Churn with BG/NBD. Purchases are counted in distinct purchase days (two orders on one day are one visit,
/// as in the model's Poisson-process story), time is in weeks, and a customer's clock starts at their
/// first purchase.
/// </summary>
public static class ChurnAnalyzer
{
    public const string ModelVersion = "bgnbd-v1";
    public const int MinCustomers = 30;

    /// <summary>(x, t_x, T) per customer whose first purchase is on or before <paramref name="calibrationEnd"/>.</summary>
    public static IReadOnlyList<CustomerSummary> Summarise(IEnumerable<CustomerTransaction> transactions, DateOnly calibrationEnd) =>
        transactions
            .Where(t => t.Date <= calibrationEnd && !string.IsNullOrWhiteSpace(t.CustomerKey))
            .GroupBy(t => t.CustomerKey)
            .Select(g =>
            {
                var days = g.Select(t => t.Date).Distinct().OrderBy(d => d).ToList();
                var first = days[0];
                return new CustomerSummary(g.Key, days.Count - 1,
                    (days[^1].DayNumber - first.DayNumber) / 7.0,
                    (calibrationEnd.DayNumber - first.DayNumber) / 7.0);
            })
            .OrderBy(c => c.CustomerKey, StringComparer.Ordinal)
            .ToList();

    /// <summary>Fits on everything up to <paramref name="asOf"/> and scores every customer for the next <paramref name="horizonWeeks"/>.</summary>
    public static ChurnResult Analyze(IEnumerable<CustomerTransaction> transactions, DateOnly asOf, double horizonWeeks = 13)
    {
        var list = transactions.Where(t => t.Date <= asOf).ToList();
        var window = TrainingWindow.Of(list.Select(t => t.Date));
        var summaries = Summarise(list, asOf);
        if (!Enough(summaries, out var message))
            return new ChurnResult(ModelVersion, window, ModelStatus.InsufficientData, message, null, horizonWeeks, []);
        var fit = BgNbd.Fit(summaries);
        var p = fit.Parameters;
        var scores = summaries.Select(c => new CustomerChurnScore(c.CustomerKey, c.Frequency, c.Recency, c.Age,
                BgNbd.ProbabilityAlive(p, c.Frequency, c.Recency, c.Age),
                BgNbd.ExpectedPurchases(p, c.Frequency, c.Recency, c.Age, horizonWeeks),
                BgNbd.ProbabilityOfPurchase(p, c.Frequency, c.Recency, c.Age, horizonWeeks)))
            .ToList();
        return new ChurnResult(ModelVersion, window, ModelStatus.Ok, null, fit, horizonWeeks, scores);
    }

    public static ChurnValidation Validate(IEnumerable<CustomerTransaction> transactions, DateOnly calibrationEnd, DateOnly holdoutEnd)
    {
        var list = transactions.Where(t => t.Date <= holdoutEnd).ToList();
        var window = TrainingWindow.Of(list.Where(t => t.Date <= calibrationEnd).Select(t => t.Date));
        var summaries = Summarise(list, calibrationEnd);
        if (!Enough(summaries, out var message))
            return new ChurnValidation(ModelVersion, window, ModelStatus.InsufficientData, message, holdoutEnd, null,
                summaries.Count, 0, double.NaN, double.NaN, double.NaN, double.NaN);

        // holdout purchase days of the calibration customers (new customers in the holdout are out of scope)
        var holdoutDays = list
            .Where(t => t.Date > calibrationEnd)
            .GroupBy(t => t.CustomerKey)
            .ToDictionary(g => g.Key, g => g.Select(t => t.Date).Distinct().Count());
        double t = (holdoutEnd.DayNumber - calibrationEnd.DayNumber) / 7.0;
        var fit = BgNbd.Fit(summaries);
        var p = fit.Parameters;
        var alive = new List<double>();
        var purchase = new List<double>();
        var returned = new List<bool>();
        double predicted = 0, actual = 0;
        foreach (var c in summaries)
        {
            int k = holdoutDays.GetValueOrDefault(c.CustomerKey);
            alive.Add(BgNbd.ProbabilityAlive(p, c.Frequency, c.Recency, c.Age));
            purchase.Add(BgNbd.ProbabilityOfPurchase(p, c.Frequency, c.Recency, c.Age, t));
            returned.Add(k > 0);
            predicted += BgNbd.ExpectedPurchases(p, c.Frequency, c.Recency, c.Age, t);
            actual += k;
        }
        return new ChurnValidation(ModelVersion, window, ModelStatus.Ok, null, holdoutEnd, fit, summaries.Count,
            returned.Count(r => r), Stats.Auc(alive, returned), Stats.Auc(purchase, returned), predicted, actual);
    }

    private static bool Enough(IReadOnlyList<CustomerSummary> summaries, out string? message)
    {
        message = null;
        if (summaries.Count < MinCustomers)
            message = $"Need at least {MinCustomers} customers, have {summaries.Count}.";
        else if (summaries.All(c => c.Frequency == 0))
            message = "No customer has a repeat purchase: the dropout process cannot be estimated.";
        return message is null;
    }
}
