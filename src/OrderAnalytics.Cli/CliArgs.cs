namespace OrderAnalytics.Cli;

/// <summary>"--name value" pairs. Commands take what they need; leftovers are reported as unknown.</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string> _values;
    private readonly HashSet<string> _taken = [];

    private CliArgs(Dictionary<string, string> values) => _values = values;

    public static CliArgs Parse(IEnumerable<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var key = e.Current;
            if (!key.StartsWith("--", StringComparison.Ordinal) || key.Length == 2)
                throw new UsageException($"unexpected argument '{key}'");
            if (!e.MoveNext() || e.Current.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"option {key} needs a value");
            if (!values.TryAdd(key[2..], e.Current)) throw new UsageException($"option {key} given twice");
        }
        return new CliArgs(values);
    }

    public string Required(string name) =>
        Optional(name) is { Length: > 0 } v ? v : throw new UsageException($"missing required option --{name}");

    public string? Optional(string name)
    {
        _taken.Add(name);
        return _values.GetValueOrDefault(name);
    }

    /// <summary>Call after reading every option, so a typo like --ouput is an error rather than ignored.</summary>
    public void RejectUnknown()
    {
        var unknown = _values.Keys.Where(k => !_taken.Contains(k)).ToList();
        if (unknown.Count > 0) throw new UsageException("unknown option(s): " + string.Join(", ", unknown.Select(k => "--" + k)));
    }

    public static string ExistingFile(string path, string what) =>
        File.Exists(path) ? path : throw new UsageException($"{what} file not found: {path}");
}
