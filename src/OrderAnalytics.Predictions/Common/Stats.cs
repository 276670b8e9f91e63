namespace OrderAnalytics.Predictions;

/// <summary>Small statistics helpers shared by the models (kept here so each is tested once).</summary>
internal static class Stats
{
    /// <summary>Sample quantile with linear interpolation between order statistics (Hyndman-Fan type 7, R's default).</summary>
    public static double Quantile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return QuantileSorted(sorted, p);
    }

    public static double QuantileSorted(double[] sorted, double p)
    {
        if (sorted.Length == 0) return double.NaN;
        double h = (sorted.Length - 1) * Math.Clamp(p, 0, 1);
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    public static double Median(IReadOnlyList<double> values) => Quantile(values, 0.5);

    /// <summary>
    /// Area under the ROC curve as the Mann-Whitney probability that a random positive scores above a
    /// random negative, ties counting one half. NaN when either class is empty (AUC is undefined then).
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        int n = scores.Count;
        var order = Enumerable.Range(0, n).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[n];
        for (int i = 0; i < n;)
        {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) j++;
            double avg = (i + j) / 2.0 + 1; // average 1-based rank of the tie block
            for (int k = i; k <= j; k++) ranks[order[k]] = avg;
            i = j + 1;
        }
        double nPos = 0, rankSum = 0;
        for (int i = 0; i < n; i++)
        {
            if (!positive[i]) continue;
            nPos++;
            rankSum += ranks[i];
        }
        double nNeg = n - nPos;
        if (nPos == 0 || nNeg == 0) return double.NaN;
        return (rankSum - nPos * (nPos + 1) / 2) / (nPos * nNeg);
    }
}
