using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OrderAnalytics.Data.Predictions;
using OrderAnalytics.Testing;

namespace OrderAnalytics.Predictor.Tests;

/// <summary>The service as Program.cs builds it: service defaults, AddPredictor, the health endpoints.</summary>
[Collection(PredictorCollection.Name)]
public sealed class ExtensionsTests(PredictorFixture fixture)
{
    [Fact]
    public async Task AddPredictor_WebHost_ServesHealthAndTrainsOnStart()
    {
        var (cs, db) = await fixture.CreateStoreWithConnectionStringAsync(null);
        await using var _ = db;
        var port = Repository.FreePort();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ordersdb"] = cs,
            ["Predictor:Models:0"] = PredictionModels.Churn,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.AddServiceDefaults();
        builder.AddPredictor();
        await using var app = builder.Build();
        app.MapDefaultEndpoints();

        await app.StartAsync();
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (await fixture.ScalarAsync<long>("SELECT count(*) FROM model_runs", db) == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "no run stored within 30 s");
                await Task.Delay(100);
            }
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            using var health = await http.GetAsync("/health");
            Assert.Equal(System.Net.HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(ModelRunStatus.InsufficientData, await fixture.ScalarAsync<string>("SELECT status FROM model_runs", db));
        }
        finally
        {
            await app.StopAsync();
        }
    }
}
