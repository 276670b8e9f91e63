using Microsoft.ML;

namespace OrderAnalytics.Predictions;

/// <summary>What is known about an order when it is accepted, i.e. when a delivery estimate is useful.</summary>
public sealed record DeliveryQuery(DateTime AcceptedAt, string Locality, int ItemCount, decimal OrderValue);

public sealed record DeliveryOptions
{
    /// <summary>Fewer usable observations than this is "insufficient data": trees on a handful of rides memorise them.</summary>
    public int MinObservations { get; init; } = 200;

    /// <summary>The latest share of observations (by acceptance time) held out for the honest MAE.</summary>
    public double HoldoutFraction { get; init; } = 0.2;

    /// <summary>Durations outside (0, MaxMinutes] are data errors (a delivered callback never sent, a test order) and dropped.</summary>
    public double MaxMinutes { get; init; } = 240;

    public int Trees { get; init; } = 200;
    public int Leaves { get; init; } = 16;
    public int MinExamplesPerLeaf { get; init; } = 10;
    public double LearningRate { get; init; } = 0.05;
    public int Seed { get; init; } = 42;
}

/// <summary>
/// Holdout figures, in minutes from acceptance to delivery. The baseline is the training median, what a
/// fixed "about 35 minutes" promise would score; the model must beat it to be worth running.
/// </summary>
public sealed record DeliveryTimeMetrics(
    int TrainingCount,
    int HoldoutCount,
    int DroppedObservations,
    double ModelMae,
    double MedianBaselineMae,
    double MedianMinutes,
    double? MedianPrepMinutes,
    double? MedianRideMinutes)
{
    public double MaeImprovementVsMedian => MedianBaselineMae > 0 ? 1 - ModelMae / MedianBaselineMae : double.NaN;
}

public sealed record DeliveryTimeResult(
    string ModelVersion,
    TrainingWindow? TrainingWindow,
    ModelStatus Status,
    string? Message,
    DeliveryTimeMetrics? Metrics,
    DeliveryTimeModel? Model) : IModelResult;

/// <summary>A trained delivery-time model (refitted on all observations after the holdout check).</summary>
public sealed class DeliveryTimeModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;
    private readonly PredictionEngine<DeliveryRow, DeliveryPrediction> _engine;
    private readonly Lock _gate = new();

    internal DeliveryTimeModel(MLContext ml, ITransformer model)
    {
        _ml = ml;
        _model = model;
        _engine = ml.Model.CreatePredictionEngine<DeliveryRow, DeliveryPrediction>(model);
    }

    /// <summary>Predicted minutes from acceptance to delivery. Thread-safe (ML.NET's engine is not, so it is locked).</summary>
    public double PredictMinutes(DeliveryQuery query)
    {
        lock (_gate) return Math.Max(0, _engine.Predict(DeliveryRow.From(query, 0)).Score);
    }

    /// <summary>Saves the ML.NET model (zip) so a worker can store it and load it in the API process.</summary>
    public void Save(Stream stream) => _ml.Model.Save(_model, null, stream);

    public static DeliveryTimeModel Load(Stream stream)
    {
        var ml = new MLContext();
        return new DeliveryTimeModel(ml, ml.Model.Load(stream, out _));
    }
}

/// <summary>
/// Delivery duration with ML.NET FastTree (gradient-boosted regression trees): hour and weekday capture the
/// kitchen rush and the traffic, locality the distance, items and value the prep work. Trees need no
/// scaling and find the rush-hour x distance interactions on their own. The holdout is the latest 20% in
/// time - the honest test for a model that will be used on future orders.
/// </summary>
public static class DeliveryTimePredictor
{
    public const string ModelVersion = "delivery-fasttree-v1";

    public static DeliveryTimeResult Train(IReadOnlyList<DeliveryObservation> observations, DeliveryOptions? options = null)
    {
        options ??= new DeliveryOptions();
        var usable = observations
            .Where(o => Minutes(o.AcceptedAt, o.DeliveredAt) is var m && m > 0 && m <= options.MaxMinutes)
            .OrderBy(o => o.AcceptedAt)
            .ToList();
        int dropped = observations.Count - usable.Count;
        var window = TrainingWindow.Of(usable.Select(o => DateOnly.FromDateTime(o.AcceptedAt)));
        if (usable.Count < options.MinObservations)
            return new DeliveryTimeResult(ModelVersion, window, ModelStatus.InsufficientData,
                $"Insufficient data: need at least {options.MinObservations} delivered orders with a valid timeline, have {usable.Count}.",
                null, null);

        int holdoutCount = Math.Max(1, (int)Math.Round(usable.Count * options.HoldoutFraction));
        var train = usable.Take(usable.Count - holdoutCount).ToList();
        var holdout = usable.Skip(usable.Count - holdoutCount).ToList();

        var ml = new MLContext(options.Seed);
        var model = Fit(ml, train, options);
        var engine = ml.Model.CreatePredictionEngine<DeliveryRow, DeliveryPrediction>(model);
        double median = Stats.Median(train.Select(o => Minutes(o.AcceptedAt, o.DeliveredAt)).ToList());
        double modelError = 0, baselineError = 0;
        foreach (var o in holdout)
        {
            double actual = Minutes(o.AcceptedAt, o.DeliveredAt);
            var row = DeliveryRow.From(new DeliveryQuery(o.AcceptedAt, o.Locality, o.ItemCount, o.OrderValue), 0);
            modelError += Math.Abs(actual - Math.Max(0, engine.Predict(row).Score));
            baselineError += Math.Abs(actual - median);
        }

        var prep = usable.Where(o => o.FoodReadyAt.HasValue).Select(o => Minutes(o.AcceptedAt, o.FoodReadyAt!.Value)).ToList();
        var ride = usable.Where(o => o.DispatchedAt.HasValue).Select(o => Minutes(o.DispatchedAt!.Value, o.DeliveredAt)).ToList();
        var metrics = new DeliveryTimeMetrics(train.Count, holdout.Count, dropped,
            modelError / holdout.Count, baselineError / holdout.Count,
            Stats.Median(usable.Select(o => Minutes(o.AcceptedAt, o.DeliveredAt)).ToList()),
            prep.Count > 0 ? Stats.Median(prep) : null,
            ride.Count > 0 ? Stats.Median(ride) : null);

        // the stored model learns from every observation, including the most recent ones held out above
        var final = new DeliveryTimeModel(ml, Fit(ml, usable, options));
        return new DeliveryTimeResult(ModelVersion, window, ModelStatus.Ok, null, metrics, final);
    }

    private static ITransformer Fit(MLContext ml, IReadOnlyList<DeliveryObservation> rows, DeliveryOptions o)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r =>
            DeliveryRow.From(new DeliveryQuery(r.AcceptedAt, r.Locality, r.ItemCount, r.OrderValue), (float)Minutes(r.AcceptedAt, r.DeliveredAt))));
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("LocalityOneHot", nameof(DeliveryRow.Locality))
            .Append(ml.Transforms.Concatenate("Features",
                nameof(DeliveryRow.Hour), nameof(DeliveryRow.Weekday), nameof(DeliveryRow.Weekend),
                nameof(DeliveryRow.ItemCount), nameof(DeliveryRow.OrderValue), "LocalityOneHot"))
            .Append(ml.Regression.Trainers.FastTree(
                labelColumnName: nameof(DeliveryRow.Label),
                featureColumnName: "Features",
                numberOfLeaves: o.Leaves,
                numberOfTrees: o.Trees,
                minimumExampleCountPerLeaf: o.MinExamplesPerLeaf,
                learningRate: o.LearningRate));
        return pipeline.Fit(data);
    }

    private static double Minutes(DateTime from, DateTime to) => (to - from).TotalMinutes;
}

internal sealed class DeliveryRow
{
    public float Hour { get; set; }
    public float Weekday { get; set; }
    public float Weekend { get; set; }
    public float ItemCount { get; set; }
    public float OrderValue { get; set; }
    public string Locality { get; set; } = "";
    public float Label { get; set; }

    public static DeliveryRow From(DeliveryQuery q, float label) => new()
    {
        Hour = q.AcceptedAt.Hour + q.AcceptedAt.Minute / 60f,
        Weekday = (int)q.AcceptedAt.DayOfWeek,
        Weekend = q.AcceptedAt.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 1 : 0,
        ItemCount = q.ItemCount,
        OrderValue = (float)q.OrderValue,
        Locality = (q.Locality ?? "").Trim().ToUpperInvariant(),
        Label = label,
    };
}

internal sealed class DeliveryPrediction
{
    public float Score { get; set; }
}
