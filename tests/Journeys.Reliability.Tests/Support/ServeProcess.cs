using System.Diagnostics;
using System.Text;
using Journeys.TestSupport.Processes;

namespace Journeys.Reliability.Tests.Support;

/// <summary>
/// A real <c>journeys serve</c> child process (the Host project's built <c>journeys.dll</c> run by <c>dotnet</c>) on a
/// database file, listening on a free loopback port that it picks itself and prints. <see cref="Kill"/> is
/// <c>Process.Kill</c>, which on Linux is SIGKILL: no shutdown code runs, exactly like a crash or an OOM kill.
/// </summary>
internal sealed class ServeProcess : IDisposable
{
    private const string ListeningPrefix = "Journeys is listening on ";
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServeProcess(Process process)
    {
        this.process = process;
    }

    public Uri BaseUri => listening.Task.IsCompletedSuccessfully ? listening.Task.Result : throw new InvalidOperationException("The host has not started.");

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything the process wrote (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public int ExitCode => process.ExitCode;

    public static async Task<ServeProcess> StartAsync(string database, double timeScale, IReadOnlyDictionary<string, string?> environment, TimeSpan? startLimit = null)
    {
        var serve = Launch(database, timeScale, environment);
        try
        {
            await serve.listening.Task.WaitAsync(startLimit ?? TimeSpan.FromSeconds(60));
        }
        catch
        {
            serve.Dispose();
            throw;
        }

        return serve;
    }

    /// <summary>
    /// Starts the process and waits until it listens or exits (bounded), without failing on an exit: the caller
    /// looks at <see cref="HasExited"/>, <see cref="ExitCode"/> and <see cref="Output"/>.
    /// </summary>
    public static async Task<ServeProcess> LaunchAsync(string database, double timeScale, IReadOnlyDictionary<string, string?> environment, TimeSpan? limit = null)
    {
        var serve = Launch(database, timeScale, environment);
        try
        {
            await serve.listening.Task.WaitAsync(limit ?? TimeSpan.FromSeconds(60));
        }
        catch (InvalidOperationException) when (serve.process.HasExited)
        {
            // Exited before listening: wait for the end of its output.
            serve.process.WaitForExit();
        }

        return serve;
    }

    private static ServeProcess Launch(string database, double timeScale, IReadOnlyDictionary<string, string?> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(database)!,
        };
        foreach (var argument in new[] { HostAssembly.Path, "serve", "--db", database, "--urls", "http://127.0.0.1:0", "--time-scale", timeScale.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var serve = new ServeProcess(process);
        process.OutputDataReceived += (_, e) => serve.OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => serve.OnLine(e.Data);
        process.Exited += (_, _) => serve.listening.TrySetException(new InvalidOperationException("journeys serve exited before listening:\n" + serve.Output));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return serve;
    }

    /// <summary>SIGKILL, then waits until the process is gone (bounded).</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"journeys serve (pid {process.Id}) did not exit after SIGKILL.");
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }

        process.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            // Bounded: a host that logs in a loop must not exhaust the test's memory.
            if (output.Length < 1_000_000)
            {
                output.AppendLine(line);
            }
        }

        if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal))
        {
            var first = line[ListeningPrefix.Length..].Split(',')[0].Trim();
            listening.TrySetResult(new Uri(first));
        }
    }
}
