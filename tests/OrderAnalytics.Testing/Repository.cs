namespace OrderAnalytics.Testing;

public static class Repository
{
    /// <summary>The folder holding OrderAnalytics.sln, found from the test's output folder.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "OrderAnalytics.sln"))) return dir.FullName;
        throw new InvalidOperationException("OrderAnalytics.sln not found above " + AppContext.BaseDirectory);
    }

    public static string InfraScript(string name) => Path.Combine(Root, "eng", "infra", name);

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string NewSecret() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
}
