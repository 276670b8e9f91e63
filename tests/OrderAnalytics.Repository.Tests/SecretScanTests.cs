using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Repo = OrderAnalytics.Testing.Repository;

namespace OrderAnalytics.Repository.Tests;

/// <summary>Secrets belong in configuration, user-secrets or the environment — never in a tracked file.</summary>
public sealed partial class SecretScanTests
{
    // SHA-256 of the production upstream key: lets us recognise it without ever holding it.
    private const string ProductionKeySha256 = "1c7bb7b07e9fcb7e398a5432bd4ed4f2fc2f3173472ff65bd2259fbad28adab4";

    [Fact]
    public void TrackedFiles_ContainNoProductionUpstreamKey()
    {
        var hits = TrackedTextFiles()
            .SelectMany(f => Hex32().Matches(File.ReadAllText(f)).Select(m => (File: f, m.Value)))
            .Where(h => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(h.Value.ToLowerInvariant()))) == ProductionKeySha256)
            .Select(h => h.File).Distinct().ToList();
        Assert.True(hits.Count == 0, "The production API key is in: " + string.Join(", ", hits));
    }

    [Fact]
    public void TrackedFiles_ContainNoKeyLikeAssignmentOfALongSecret()
    {
        var hits = TrackedTextFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, n) => (File: f, Line: n + 1, Text: line)))
            .Where(l => KeyAssignment().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(Repo.Root, l.File)}:{l.Line}")
            .ToList();
        Assert.True(hits.Count == 0, "Something that looks like a credential is committed:\n" + string.Join("\n", hits));
    }

    [Fact]
    public void Scanner_FlagsAKeyNextToAKeyLikeName()
    {
        // Guards the scanner itself: the pattern must catch the shape it is meant to catch. The samples are built at
        // run time so that this file does not contain what it looks for.
        var value = string.Concat(Enumerable.Repeat("0123456789abcdef", 2));
        Assert.Matches(KeyAssignment(), $"  \"ApiKey\": \"{value}\",");
        Assert.Matches(KeyAssignment(), $"API_KEY={value.ToUpperInvariant()}");
        Assert.DoesNotMatch(KeyAssignment(), $"\"EventId\": \"{value}\"");
    }

    /// <summary>A key-like name (api key, token, secret, password) followed by a 32+ hex or base64 value.</summary>
    [GeneratedRegex(@"(?i)(api[_-]?key|apikey|secret|token|password|passwd)[""']?\s*[:=]\s*[""']?[A-Za-z0-9+/_\-]{32,}")]
    private static partial Regex KeyAssignment();

    [GeneratedRegex(@"\b[0-9a-fA-F]{32}\b")]
    private static partial Regex Hex32();

    private static IEnumerable<string> TrackedTextFiles()
    {
        var info = new ProcessStartInfo("git", "ls-files -z") { RedirectStandardOutput = true, WorkingDirectory = Repo.Root };
        using var git = Process.Start(info)!;
        var output = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => Path.Combine(Repo.Root, f))
            .Where(f => File.Exists(f) && new FileInfo(f).Length < 2_000_000 && !IsBinary(f));
    }

    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[512];
        using var stream = File.OpenRead(path);
        var n = stream.Read(head);
        return head[..n].Contains((byte)0);
    }
}
