namespace Journeys.Host.Commands;

/// <summary><c>journeys demo</c>.</summary>
public static class DemoCommand
{
    public static async Task<int> RunAsync(TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("demo: not built yet".AsMemory(), cancellationToken);
        return 0;
    }
}
