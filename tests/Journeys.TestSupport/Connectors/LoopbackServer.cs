using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

using Journeys.TestSupport.Connectors;

namespace Journeys.TestSupport.Connectors;

/// <summary>
/// A real HTTP/1.1 server on 127.0.0.1 for connector tests, on a raw socket so that it can do what a well-behaved
/// server cannot: drop a connection without any answer (HttpListener's managed Abort still sends a 200). Each
/// request is answered by a script given the request and its 1-based number, and recorded with its arrival time.
/// Every answer closes the connection, so each attempt is a fresh connection and the client handler never replays
/// a request on its own: the request count is exactly the number of attempts.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly Func<RecordedRequest, int, ScriptedReply> script;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly Task acceptLoop;
    private int count;

    private LoopbackServer(Func<RecordedRequest, int, ScriptedReply> script)
    {
        this.script = script;
        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        BaseUri = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        acceptLoop = Task.Run(AcceptAsync);
    }

    public Uri BaseUri { get; }

    public int RequestCount => Volatile.Read(ref count);

    /// <summary>Recorded requests in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.OrderBy(request => request.Number).ToList();

    public string Url(string path) => new Uri(BaseUri, path).ToString();

    public static LoopbackServer Start(Func<RecordedRequest, int, ScriptedReply> script) => new(script);

    /// <summary>Answers every request with the same reply.</summary>
    public static LoopbackServer Always(ScriptedReply reply) => new((_, _) => reply);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        await acceptLoop;
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(socket));
        }
    }

    private async Task HandleAsync(Socket socket)
    {
        using (socket)
        {
            try
            {
                await using var stream = new NetworkStream(socket, ownsSocket: false);
                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                var reply = script(request, request.Number);
                if (reply.Delay > TimeSpan.Zero)
                {
                    await DelayAtLeastAsync(reply.Delay);
                }

                if (reply.DropConnection)
                {
                    // Linger 0: close with a reset, the rudest way a connection can end.
                    socket.LingerState = new LingerOption(true, 0);
                    return;
                }

                await WriteReplyAsync(stream, reply);
                if (reply.Http10CloseAfter is { } closeAfter)
                {
                    await Task.Delay(closeAfter, stopping.Token);
                }

                socket.Shutdown(SocketShutdown.Both);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
            {
                // The client gave up (timeout, size limit) or the server is stopping: nothing to answer.
            }
        }
    }

    // Task.Delay runs on the coarse timer tick and can end a millisecond or two before the monotonic clock says the
    // delay has passed (CI saw 298 ms for a 300 ms delay). Tests assert latencies against the scripted delay, so the
    // delay is measured on the same Stopwatch clock the client uses and waited out until it has truly passed.
    private async Task DelayAtLeastAsync(TimeSpan delay)
    {
        var started = Stopwatch.GetTimestamp();
        TimeSpan remaining;
        while ((remaining = delay - Stopwatch.GetElapsedTime(started)) > TimeSpan.Zero)
        {
            await Task.Delay(remaining + TimeSpan.FromMilliseconds(1), stopping.Token);
        }
    }

    private async Task<RecordedRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, stopping.Token);
            if (read == 0)
            {
                return null;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var arrived = clock.ElapsedMilliseconds;
        var head = Encoding.ASCII.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in head.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        var length = headers.TryGetValue("Content-Length", out var declared) ? int.Parse(declared) : 0;
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk, stopping.Token);
            if (read == 0)
            {
                return null;
            }

            body.AddRange(chunk.AsSpan(0, read));
        }

        var number = Interlocked.Increment(ref count);
        var request = new RecordedRequest(number, requestLine[0], requestLine[1], headers, Encoding.UTF8.GetString(body.ToArray()), arrived);
        requests.Enqueue(request);
        return request;
    }

    private async Task WriteReplyAsync(NetworkStream stream, ScriptedReply reply)
    {
        var body = reply.Body is null ? [] : Encoding.UTF8.GetBytes(reply.Body);
        var head = new StringBuilder();
        head.Append(reply.Http10CloseAfter is null
            ? $"HTTP/1.1 {reply.StatusCode} {ReasonPhrase(reply.StatusCode)}\r\nConnection: close\r\n"
            : $"HTTP/1.0 {reply.StatusCode} {ReasonPhrase(reply.StatusCode)}\r\n");
        if (reply.Body is not null)
        {
            head.Append($"Content-Type: {reply.ContentType}\r\n");
        }

        head.Append(reply.Chunked ? "Transfer-Encoding: chunked\r\n" : $"Content-Length: {body.Length}\r\n");
        foreach (var (name, value) in reply.Headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        head.Append("\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), stopping.Token);
        if (!reply.Chunked)
        {
            await stream.WriteAsync(body, stopping.Token);
            return;
        }

        for (var offset = 0; offset < body.Length; offset += 8192)
        {
            var size = Math.Min(8192, body.Length - offset);
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{size:x}\r\n"), stopping.Token);
            await stream.WriteAsync(body.AsMemory(offset, size), stopping.Token);
            await stream.WriteAsync("\r\n"u8.ToArray(), stopping.Token);
        }

        await stream.WriteAsync("0\r\n\r\n"u8.ToArray(), stopping.Token);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        204 => "No Content",
        302 => "Found",
        429 => "Too Many Requests",
        _ => "Status",
    };
}
