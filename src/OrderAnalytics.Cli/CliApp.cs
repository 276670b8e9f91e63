using OrderAnalytics.Cli.Commands;

namespace OrderAnalytics.Cli;

/// <summary>A command the CLI can run: <c>OrderAnalytics.Cli NAME --option value ...</c>.</summary>
public interface ICliCommand
{
    string Name { get; }
    string Usage { get; }
    int Run(CliArgs args, TextWriter stdout, TextWriter stderr);
}

/// <summary>Bad invocation: wrong or missing options, missing input files. Exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Tiny dispatcher; add a command by adding it to <see cref="Commands"/>.</summary>
public static class CliApp
{
    public const int Ok = 0, Failed = 1, BadUsage = 2;

    public static IReadOnlyList<ICliCommand> Commands { get; } = [new MatchCommand()];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            PrintUsage(args.Length == 0 ? stderr : stdout);
            return args.Length == 0 ? BadUsage : Ok;
        }
        var command = Commands.FirstOrDefault(c => c.Name == args[0]);
        if (command is null)
        {
            stderr.WriteLine($"error: unknown command '{args[0]}'");
            PrintUsage(stderr);
            return BadUsage;
        }
        try
        {
            return command.Run(CliArgs.Parse(args.Skip(1)), stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine($"usage: {command.Usage}");
            return BadUsage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            stderr.WriteLine($"error: {e.Message}");
            return Failed;
        }
    }

    private static void PrintUsage(TextWriter w)
    {
        w.WriteLine("usage: OrderAnalytics.Cli <command> [options]");
        foreach (var c in Commands) w.WriteLine($"  {c.Usage}");
    }
}
