using OrderAnalytics.Predictions.Tests.Synthetic;

namespace OrderAnalytics.Predictions.Tests;

public class BgNbdTests
{
    // Fader, Hardie & Lee (2005): maximum-likelihood estimates on the CDNOW sample (2,357 customers, 39 weeks)
    private static readonly BgNbdParameters Cdnow = new(0.243, 4.414, 0.793, 2.426);

    [Fact]
    public void LogLikelihood_NoRepeatPurchase_EqualsClosedForm()
    {
        // x = 0: the customer is alive throughout and made no purchase in T, L = (alpha / (alpha + T))^r
        var p = new BgNbdParameters(0.5, 2, 1.5, 3);
        Assert.Equal(0.5 * Math.Log(2.0 / 12.0), BgNbd.LogLikelihood(p, 0, 0, 10), 12);
    }

    [Fact]
    public void LogLikelihood_UnitParametersOneRepeat_MatchesHandValue()
    {
        // r = alpha = a = b = 1, x = 1, t_x = 1, T = 2:
        // A1 = 0, A2 = ln B(1,2) - ln B(1,1) = -ln 2, A3 = -2 ln 3, A4 = ln(1/1) - 2 ln 2
        // LL = -ln 2 + ln(1/9 + 1/4) = ln(13/72)
        var p = new BgNbdParameters(1, 1, 1, 1);
        Assert.Equal(Math.Log(13.0 / 72.0), BgNbd.LogLikelihood(p, 1, 1, 2), 12);
    }

    [Fact]
    public void LogLikelihood_TwoRepeats_MatchesDirectFormula()
    {
        // paper eq. 6 without the log-sum-exp rearrangement, at the CDNOW estimates
        var (r, al, a, b) = (Cdnow.R, Cdnow.Alpha, Cdnow.A, Cdnow.B);
        int x = 2;
        double tx = 30.43, T = 38.86;
        double common = MathNet.Numerics.SpecialFunctions.Beta(a, b + x) / MathNet.Numerics.SpecialFunctions.Beta(a, b)
                        * MathNet.Numerics.SpecialFunctions.Gamma(r + x) * Math.Pow(al, r) / MathNet.Numerics.SpecialFunctions.Gamma(r);
        double direct = common * (1 / Math.Pow(al + T, r + x) + a / (b + x - 1) / Math.Pow(al + tx, r + x));
        Assert.Equal(Math.Log(direct), BgNbd.LogLikelihood(Cdnow, x, tx, T), 10);
    }

    [Fact]
    public void ExpectedPurchases_CdnowPaperExample_Is1226()
    {
        // the paper's worked example: x = 2, t_x = 30.43, T = 38.86, expected 1.226 purchases in the next 39 weeks
        Assert.Equal(1.226, BgNbd.ExpectedPurchases(Cdnow, 2, 30.43, 38.86, 39), 3);
    }

    [Fact]
    public void ExpectedPurchases_FreshCustomer_EqualsUnconditionalExpectation()
    {
        // a customer seen only at time 0 with T = 0 knows nothing more than the prior
        Assert.Equal(BgNbd.ExpectedPurchasesNewCustomer(Cdnow, 52), BgNbd.ExpectedPurchases(Cdnow, 0, 0, 0, 52), 10);
    }

    [Fact]
    public void ProbabilityAlive_BehavesAsTheModelSays()
    {
        Assert.Equal(1.0, BgNbd.ProbabilityAlive(Cdnow, 0, 0, 30));
        double recent = BgNbd.ProbabilityAlive(Cdnow, 3, 35, 38);
        double lapsed = BgNbd.ProbabilityAlive(Cdnow, 3, 5, 38);
        Assert.True(recent > lapsed, "a recent purchaser is more likely alive");
        Assert.InRange(lapsed, 0, 1);
        // hand value: 1 / (1 + a/(b+x-1) * ((alpha+T)/(alpha+tx))^(r+x))
        double expected = 1 / (1 + 0.793 / (2.426 + 2) * Math.Pow((4.414 + 38) / (4.414 + 5), 3.243));
        Assert.Equal(expected, lapsed, 12);
    }

    [Fact]
    public void ProbabilityOfPurchase_IsBelowProbabilityAlive()
    {
        double alive = BgNbd.ProbabilityAlive(Cdnow, 2, 30.43, 38.86);
        double buy = BgNbd.ProbabilityOfPurchase(Cdnow, 2, 30.43, 38.86, 39);
        Assert.InRange(buy, 0.01, alive);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.9)]
    public void Hyp2F1_LogSeries_MatchesClosedForm(double z)
    {
        // 2F1(1, 1; 2; z) = -ln(1 - z) / z
        Assert.Equal(-Math.Log(1 - z) / z, Hypergeometric.Hyp2F1(1, 1, 2, z), 10);
    }

    [Fact]
    public void Fit_DataSimulatedFromCdnowParameters_RecoversThem()
    {
        var data = BgNbdSimulator.Summaries(Cdnow, 12000, 27, 39, seed: 2024);
        var fit = BgNbd.Fit(data);
        Assert.True(fit.Converged);
        var p = fit.Parameters;
        Assert.InRange(p.R / Cdnow.R, 0.9, 1.1);
        Assert.InRange(p.Alpha / Cdnow.Alpha, 0.88, 1.12);
        // a and b are the least identified (the paper's standard errors are ~25% of them on 2,357 customers)
        Assert.InRange(p.A / Cdnow.A, 0.75, 1.25);
        Assert.InRange(p.B / Cdnow.B, 0.7, 1.3);
        // and the fitted optimum is no worse than the truth on the same data
        Assert.True(fit.LogLikelihood >= BgNbd.LogLikelihood(Cdnow, data) - 1e-6);
    }
}
