using System.Diagnostics;
using OrderAnalytics.Predictions;
using OrderAnalytics.Predictions.Tests.Synthetic;

// Out-of-sample figures for the prediction models on synthetic data with known structure.
// Usage: dotnet run -c Release [-- --quick]   (--quick: fewer origins and customers, for a smoke run)
bool quick = args.Contains("--quick");
var total = Stopwatch.StartNew();

Section("Demand forecast: rolling-origin backtest on the synthetic cafe (2024-2026, NB noise)");
var cafe = new CafeSimulator();
var backtest = new BacktestOptions { Origins = quick ? 8 : 52, OriginStep = 7 };
foreach (var measure in new[] { DemandMeasure.Orders, DemandMeasure.Revenue })
{
    var r = Backtester.RunDaily(cafe.Daily, measure, backtest);
    Console.WriteLine($"{r.Series}: origins {r.FirstOrigin:yyyy-MM-dd}..{r.LastOrigin:yyyy-MM-dd} ({r.Origins}), horizon {r.Horizon} days");
    foreach (var m in new[] { r.Model!, r.SeasonalNaive!, r.HoltWinters! })
        Console.WriteLine($"  {m.Method,-16} WAPE {m.Wape,7:P1}  MASE {m.Mase,6:F3}  80% coverage {m.Coverage80,6:P1}  ({m.Forecasts} forecasts)");
    Console.WriteLine($"  WAPE vs seasonal-naive {-r.WapeImprovementVsSeasonalNaive:+0.0%;-0.0%}, vs Holt-Winters {-r.WapeImprovementVsHoltWinters:+0.0%;-0.0%}");
    Console.WriteLine("  model WAPE by horizon: " + string.Join(" ", r.ModelByHorizon.Select(h => $"{h.Wape:P0}")));
    if (measure == DemandMeasure.Orders)
    {
        // the floor: forecasting with the simulator's true mean (weather included) still pays the NB noise
        var days = cafe.Days.Where(d => d.Date > r.FirstOrigin && d.Date <= r.LastOrigin!.Value.AddDays(r.Horizon)).ToList();
        double oracle = days.Sum(d => Math.Abs(d.Orders - d.Mean)) / days.Sum(d => d.Orders);
        Console.WriteLine($"  oracle WAPE (true mean, noise only) {oracle:P1}");
    }
}

var item = cafe.ItemSales.Where(s => s.Item == "Classic Tiramisu")
    .Select(s => new SeriesPoint(s.Date, (double)s.Quantity)).ToList();
var ir = Backtester.RunSeries("Classic Tiramisu qty", item, backtest);
Console.WriteLine($"item 'Classic Tiramisu': model WAPE {ir.Model!.Wape:P1} cov {ir.Model.Coverage80:P1} | seasonal-naive {ir.SeasonalNaive!.Wape:P1} | Holt-Winters {ir.HoltWinters!.Wape:P1}");

var hb = HourlyForecaster.Backtest(cafe.Hourly, DemandMeasure.Orders, new BacktestOptions { Origins = quick ? 4 : 13, OriginStep = 28 });
Console.WriteLine($"hourly orders: model WAPE {hb.Model!.Wape:P1}, 80% coverage {hb.Model.Coverage80:P1} | seasonal-naive WAPE {hb.SeasonalNaive!.Wape:P1} ({-hb.WapeImprovementVsSeasonalNaive:+0.0%;-0.0%})");

Section("BG/NBD: parameter recovery (CDNOW parameters, simulated cohort with T in 27-39 weeks)");
var truth = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
int n = quick ? 5000 : 20000;
var sim = BgNbdSimulator.Summaries(truth, n, 27, 39, seed: 11);
var sw = Stopwatch.StartNew();
var fit = BgNbd.Fit(sim);
var p = fit.Parameters;
Console.WriteLine($"{n} customers, fitted in {sw.Elapsed.TotalSeconds:F1}s, converged={fit.Converged}, LL={fit.LogLikelihood:F1}");
Console.WriteLine($"  r     {p.R,8:F3} (true {truth.R}, error {Rel(p.R, truth.R):+0.0%;-0.0%})");
Console.WriteLine($"  alpha {p.Alpha,8:F3} (true {truth.Alpha}, error {Rel(p.Alpha, truth.Alpha):+0.0%;-0.0%})");
Console.WriteLine($"  a     {p.A,8:F3} (true {truth.A}, error {Rel(p.A, truth.A):+0.0%;-0.0%})");
Console.WriteLine($"  b     {p.B,8:F3} (true {truth.B}, error {Rel(p.B, truth.B):+0.0%;-0.0%})");
Console.WriteLine($"  CDNOW check: E[Y(39) | x=2, tx=30.43, T=38.86] at published parameters = {BgNbd.ExpectedPurchases(truth, 2, 30.43, 38.86, 39):F3} (paper: 1.226)");

Section("BG/NBD: calibration 39 weeks / holdout 39 weeks on simulated transactions");
var start = new DateOnly(2025, 1, 1);
var tx = BgNbdSimulator.Transactions(truth, quick ? 2000 : 5000, start, 84, start.AddDays(545), seed: 5);
var v = ChurnAnalyzer.Validate(tx, start.AddDays(272), start.AddDays(545));
Console.WriteLine($"{v.Customers} customers, {v.ReturnedInHoldout} purchased in the holdout");
Console.WriteLine($"  AUC P(alive)                {v.AucProbabilityAlive:F3}");
Console.WriteLine($"  AUC P(purchase in holdout)  {v.AucProbabilityOfPurchase:F3}");
Console.WriteLine($"  holdout purchases predicted {v.PredictedHoldoutPurchases:F0} vs actual {v.ActualHoldoutPurchases:F0}");

Section("Delivery time: FastTree vs median baseline, latest 20% held out");
var deliveries = DeliverySimulator.Generate(quick ? 1500 : 4000, new DateTime(2025, 6, 1), 180, seed: 3);
var d = DeliveryTimePredictor.Train(deliveries);
var dm = d.Metrics!;
Console.WriteLine($"train {dm.TrainingCount}, holdout {dm.HoldoutCount}: model MAE {dm.ModelMae:F2} min, median baseline MAE {dm.MedianBaselineMae:F2} min ({-dm.MaeImprovementVsMedian:+0.0%;-0.0%}); median {dm.MedianMinutes:F1} min");

Console.WriteLine();
Console.WriteLine($"total {total.Elapsed.TotalSeconds:F0}s");

static void Section(string title)
{
    Console.WriteLine();
    Console.WriteLine("== " + title);
}

static double Rel(double estimate, double truth) => estimate / truth - 1;
