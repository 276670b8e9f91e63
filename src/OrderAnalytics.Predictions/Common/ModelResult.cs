namespace OrderAnalytics.Predictions;

/// <summary>The span of input data a model was fitted on (inclusive business dates).</summary>
public sealed record TrainingWindow(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    internal static TrainingWindow? Of(IEnumerable<DateOnly> dates)
    {
        DateOnly? min = null, max = null;
        foreach (var d in dates)
        {
            if (min is null || d < min) min = d;
            if (max is null || d > max) max = d;
        }
        return min is null ? null : new TrainingWindow(min.Value, max!.Value);
    }
}

/// <summary>Whether a model could be fitted. Anything but Ok comes with a message and no estimates.</summary>
public enum ModelStatus
{
    Ok,
    InsufficientData,
    InsufficientPriceVariation,
}

/// <summary>
/// What every model result carries so the caller can store it next to its outputs: which model
/// (a constant per model, bumped when its maths changes) and which data it saw.
/// </summary>
public interface IModelResult
{
    string ModelVersion { get; }
    TrainingWindow? TrainingWindow { get; }
    ModelStatus Status { get; }
}
