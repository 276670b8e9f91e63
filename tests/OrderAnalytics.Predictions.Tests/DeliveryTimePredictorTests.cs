using OrderAnalytics.Predictions.Tests.Synthetic;

namespace OrderAnalytics.Predictions.Tests;

public class DeliveryTimePredictorTests
{
    [Fact]
    public void Train_SyntheticDeliveries_BeatsTheMedianOnTheLatestOrders()
    {
        var data = DeliverySimulator.Generate(1500, new DateTime(2025, 6, 1), 120, seed: 1);
        var result = DeliveryTimePredictor.Train(data);
        Assert.Equal(ModelStatus.Ok, result.Status);
        Assert.Equal(DeliveryTimePredictor.ModelVersion, result.ModelVersion);
        var m = result.Metrics!;
        Assert.Equal((1200, 300), (m.TrainingCount, m.HoldoutCount));
        Assert.True(m.ModelMae < 0.8 * m.MedianBaselineMae, $"model {m.ModelMae:F2} vs median {m.MedianBaselineMae:F2}");
        Assert.NotNull(m.MedianPrepMinutes);
        Assert.NotNull(m.MedianRideMinutes);

        // far localities take longer, as in the simulator
        var near = result.Model!.PredictMinutes(new DeliveryQuery(new DateTime(2025, 10, 7, 15, 0, 0), "Sector 56", 2, 700));
        var far = result.Model.PredictMinutes(new DeliveryQuery(new DateTime(2025, 10, 7, 15, 0, 0), "Cyber City", 2, 700));
        Assert.True(far > near + 10, $"near {near:F1}, far {far:F1}");
    }

    [Fact]
    public void Train_FewObservations_ReturnsInsufficientData()
    {
        var data = DeliverySimulator.Generate(150, new DateTime(2025, 6, 1), 30, seed: 2);
        var result = DeliveryTimePredictor.Train(data);
        Assert.Equal(ModelStatus.InsufficientData, result.Status);
        Assert.Contains("nsufficient data", result.Message);
        Assert.Null(result.Model);
    }

    [Fact]
    public void Train_ImpossibleTimelines_AreDropped()
    {
        var data = DeliverySimulator.Generate(300, new DateTime(2025, 6, 1), 60, seed: 3).ToList();
        var t = new DateTime(2025, 6, 10, 12, 0, 0);
        data.Add(new DeliveryObservation("bad1", t, null, null, t.AddMinutes(-5), "Sector 56", 1, 300));
        data.Add(new DeliveryObservation("bad2", t, null, null, t.AddHours(9), "Sector 56", 1, 300));
        var result = DeliveryTimePredictor.Train(data, new DeliveryOptions { Trees = 50 });
        Assert.Equal(2, result.Metrics!.DroppedObservations);
    }

    [Fact]
    public void Model_SaveAndLoad_PredictsTheSame()
    {
        var data = DeliverySimulator.Generate(400, new DateTime(2025, 6, 1), 60, seed: 4);
        var model = DeliveryTimePredictor.Train(data, new DeliveryOptions { Trees = 50 }).Model!;
        var query = new DeliveryQuery(new DateTime(2025, 8, 2, 20, 30, 0), "Sohna Road", 3, 1200);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = DeliveryTimeModel.Load(stream);
        Assert.Equal(model.PredictMinutes(query), loaded.PredictMinutes(query), 4);
    }
}
