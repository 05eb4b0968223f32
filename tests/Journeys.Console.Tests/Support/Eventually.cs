namespace Journeys.Console.Tests.Support;

/// <summary>Waits for a condition on a live page by checking it again after each short pause, up to a generous limit.</summary>
public static class Eventually
{
    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan limit, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (await condition())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"still not true after {limit.TotalSeconds:0} s: {describe()}");
            }

            // Polling a page the console refreshes itself; the pause only spaces the checks.
            await Task.Delay(250);
        }
    }
}
