using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Journeys.Api.Problems;

namespace Journeys.Host.Serving.Rejections;

/// <summary>
/// The output of one HTTP/1.x connection, passed through to the transport untouched except for the response Kestrel
/// writes itself when it refuses a request before any middleware runs (see <see cref="KestrelRejectionListener"/>):
/// once <see cref="Reject"/> has armed it, what Kestrel writes next is held back; if it is exactly a body-less error
/// response (a status line, headers, <c>Content-Length: 0</c>), the same status line and headers go out with the
/// problem document as body; anything else goes out as it was. One response at most: Kestrel closes the connection
/// after a rejection.
/// </summary>
internal sealed class RejectionResponseWriter(PipeWriter inner) : PipeWriter
{
    private static readonly JsonWriterOptions ProblemJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private ProblemResult? problem;
    private ArrayBufferWriter<byte>? held;
    private bool leasedFromHeld;

    public override bool CanGetUnflushedBytes => inner.CanGetUnflushedBytes;

    public override long UnflushedBytes => inner.UnflushedBytes + (held?.WrittenCount ?? 0);

    /// <summary>Makes the next response Kestrel writes on this connection carry <paramref name="answer"/>.</summary>
    public void Reject(ProblemResult answer) => Volatile.Write(ref problem, answer);

    public override Memory<byte> GetMemory(int sizeHint = 0)
    {
        leasedFromHeld = Volatile.Read(ref problem) is not null;
        return leasedFromHeld ? (held ??= new ArrayBufferWriter<byte>()).GetMemory(sizeHint) : inner.GetMemory(sizeHint);
    }

    public override Span<byte> GetSpan(int sizeHint = 0)
    {
        leasedFromHeld = Volatile.Read(ref problem) is not null;
        return leasedFromHeld ? (held ??= new ArrayBufferWriter<byte>()).GetSpan(sizeHint) : inner.GetSpan(sizeHint);
    }

    public override void Advance(int bytes)
    {
        if (leasedFromHeld)
        {
            held!.Advance(bytes);
        }
        else
        {
            inner.Advance(bytes);
        }
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Release();
        return inner.FlushAsync(cancellationToken);
    }

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Release();
        inner.Complete(exception);
    }

    public override ValueTask CompleteAsync(Exception? exception = null)
    {
        Release();
        return inner.CompleteAsync(exception);
    }

    /// <summary>Writes what was held through: rewritten when it is Kestrel's empty error response, else as it was.</summary>
    private void Release()
    {
        if (held is not { WrittenCount: > 0 } bytes || Volatile.Read(ref problem) is not { } answer)
        {
            return;
        }

        inner.Write(Rewrite(bytes.WrittenSpan, answer) ?? bytes.WrittenSpan);
        held = null;
        Volatile.Write(ref problem, null);
    }

    /// <summary>The response with the problem as its body; null unless <paramref name="response"/> is exactly a body-less response of the problem's status.</summary>
    private static byte[]? Rewrite(ReadOnlySpan<byte> response, ProblemResult answer)
    {
        var headEnd = response.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0 || headEnd + 4 != response.Length)
        {
            return null;
        }

        var lines = Encoding.ASCII.GetString(response[..headEnd]).Split("\r\n");
        var statusLine = lines[0].Split(' ', 3);
        if (statusLine.Length < 2 || !statusLine[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || statusLine[1] != answer.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            return null;
        }

        var headers = new StringBuilder(lines[0]).Append("\r\n");
        var emptyBody = false;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? line : line[..colon];
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                emptyBody = line[(colon + 1)..].Trim() == "0";
            }
            else if (!name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                headers.Append(line).Append("\r\n");
            }
        }

        if (!emptyBody)
        {
            return null;
        }

        var body = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(body, ProblemJson))
        {
            answer.WriteTo(writer, instance: null);
        }

        headers.Append("Content-Type: application/problem+json\r\n")
            .Append("Content-Length: ").Append(body.WrittenCount.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(headers.ToString()), .. body.WrittenSpan];
    }
}
