using System.Text;

namespace Journeys.Console.Tests.Support;

/// <summary>A thread-safe text writer whose text can be awaited for a marker (the demo's "Admin console:" lines).</summary>
public sealed class SignallingWriter : TextWriter
{
    private readonly StringBuilder text = new();
    private readonly List<(string Marker, TaskCompletionSource<string> Done)> waiters = [];
    private readonly Lock gate = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (gate)
            {
                return text.ToString();
            }
        }
    }

    public override void Write(char value) => Append(value.ToString());

    public override void Write(string? value) => Append(value ?? string.Empty);

    public override void Write(char[] buffer, int index, int count) => Append(new string(buffer, index, count));

    /// <summary>Completes with the whole text once it contains <paramref name="marker"/>.</summary>
    public Task<string> WhenContains(string marker)
    {
        lock (gate)
        {
            var current = text.ToString();
            if (current.Contains(marker, StringComparison.Ordinal))
            {
                return Task.FromResult(current);
            }

            var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((marker, done));
            return done.Task;
        }
    }

    private void Append(string value)
    {
        lock (gate)
        {
            text.Append(value);
            var current = text.ToString();
            for (var i = waiters.Count - 1; i >= 0; i--)
            {
                if (current.Contains(waiters[i].Marker, StringComparison.Ordinal))
                {
                    waiters[i].Done.TrySetResult(current);
                    waiters.RemoveAt(i);
                }
            }
        }
    }
}
