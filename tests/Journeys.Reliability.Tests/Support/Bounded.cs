namespace Journeys.Reliability.Tests.Support;

/// <summary>Polling with a deadline: every wait in the suite ends, with a failure naming what never happened.</summary>
internal static class Bounded
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan limit, string what, TimeSpan? interval = null)
    {
        using var deadline = new CancellationTokenSource(limit);
        var last = default(T);
        while (!deadline.IsCancellationRequested)
        {
            last = await probe();
            if (done(last))
            {
                return last;
            }

            try
            {
                await Task.Delay(interval ?? TimeSpan.FromMilliseconds(100), deadline.Token);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:0} s; last seen: {last}");
    }
}
