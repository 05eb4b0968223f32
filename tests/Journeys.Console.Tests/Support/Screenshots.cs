using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Journeys.Console.Tests.Support;

/// <summary>
/// Screenshots of the console: into the test's output folder, or into $JOURNEYS_CONSOLE_SCREENSHOTS when set
/// (how docs/console-*.png are made: JOURNEYS_CONSOLE_SCREENSHOTS=$PWD/docs dotnet test tests/Journeys.Console.Tests).
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name, ITestOutputHelper output)
    {
        var folder = Environment.GetEnvironmentVariable("JOURNEYS_CONSOLE_SCREENSHOTS") is { Length: > 0 } target
            ? target
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        output.WriteLine($"screenshot: {path}");
    }
}
