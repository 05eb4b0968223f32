using System.Net.Sockets;
using System.Text;

namespace Journeys.Host.Tests.Support;

/// <summary>
/// HTTP/1.1 over a plain socket, for requests no HTTP client would send (a NUL in the path, broken header lines):
/// writes the bytes as given and reads every response until the server closes the connection.
/// </summary>
public static class RawHttp
{
    public static async Task<IReadOnlyList<RawResponse>> SendAsync(Uri server, byte[] request)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = client.GetStream();
        await stream.WriteAsync(request, timeout.Token);
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, timeout.Token);
        }
        catch (IOException)
        {
            // A reset after the server's answer (it closed with request bytes still unread): the answer is all there is.
        }

        return Parse(received.ToArray());
    }

    public static Task<IReadOnlyList<RawResponse>> SendAsync(Uri server, string request) => SendAsync(server, Encoding.Latin1.GetBytes(request));

    private static List<RawResponse> Parse(byte[] bytes)
    {
        var responses = new List<RawResponse>();
        var offset = 0;
        while (offset < bytes.Length)
        {
            var headEnd = bytes.AsSpan(offset).IndexOf("\r\n\r\n"u8);
            Assert.True(headEnd >= 0, "an incomplete response head: " + Encoding.Latin1.GetString(bytes, offset, bytes.Length - offset));
            var lines = Encoding.Latin1.GetString(bytes, offset, headEnd).Split("\r\n");
            var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
            var bodyStart = offset + headEnd + 4;
            var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            if (headers.GetValueOrDefault("Transfer-Encoding") == "chunked")
            {
                var body = new StringBuilder();
                offset = bodyStart;
                while (true)
                {
                    var lineEnd = bytes.AsSpan(offset).IndexOf("\r\n"u8);
                    var size = int.Parse(Encoding.ASCII.GetString(bytes, offset, lineEnd), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
                    offset += lineEnd + 2;
                    if (size == 0)
                    {
                        offset += 2; // No trailers: the empty line that ends the message.
                        break;
                    }

                    body.Append(Encoding.UTF8.GetString(bytes, offset, size));
                    offset += size + 2;
                }

                responses.Add(new RawResponse(status, headers, body.ToString()));
                continue;
            }

            var length = headers.TryGetValue("Content-Length", out var declared) ? int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture) : 0;
            Assert.True(bodyStart + length <= bytes.Length, "a body shorter than its Content-Length");
            responses.Add(new RawResponse(status, headers, Encoding.UTF8.GetString(bytes, bodyStart, length)));
            offset = bodyStart + length;
        }

        return responses;
    }
}
