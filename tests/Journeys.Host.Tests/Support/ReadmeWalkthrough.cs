using System.Text.RegularExpressions;

namespace Journeys.Host.Tests.Support;

/// <summary>
/// The README's "Five minutes with journeys serve" section, read from the repository: its shell blocks as one
/// script, the configuration PUTs and the ingest body, so that the walk-through test runs what the README says.
/// </summary>
public static partial class ReadmeWalkthrough
{
    public static string Script { get; } = ReadScript();

    /// <summary>The configuration PUTs in README order: the route under /api and the file under samples/.</summary>
    public static IReadOnlyList<(string Route, string Sample)> Puts { get; } =
        PutCommand().Matches(Script).Select(m => (m.Groups["route"].Value, m.Groups["sample"].Value)).ToList();

    /// <summary>The JSON of the README's first ingest command.</summary>
    public static string IngestBody { get; } =
        IngestCommand().Match(Script) is { Success: true } match ? match.Groups["body"].Value : throw new InvalidOperationException("The README has no ingest command.");

    private static string ReadScript()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md"));
        var start = readme.IndexOf("## Five minutes with `journeys serve`", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Five minutes with `journeys serve`' section");
        var end = readme.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        var section = end < 0 ? readme[start..] : readme[start..end];
        return string.Join('\n', ShellBlock().Matches(section).Select(m => m.Groups["code"].Value));
    }

    [GeneratedRegex("```sh\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"curl [^\n]*-X PUT \$API/(?<route>\S+)[^\n]*--data-binary @samples/(?<sample>\S+)")]
    private static partial Regex PutCommand();

    [GeneratedRegex(@"curl [^\n]*-X POST \$API/ingest[^\n]*--data-binary '(?<body>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex IngestCommand();
}
