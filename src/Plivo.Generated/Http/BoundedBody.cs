using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Http;

/// <summary>
/// Reads an answer's whole body inside its attempt (so the attempt's timeout covers it, on every target framework) and
/// never more than <see cref="PlivoClientOptions.MaxResponseSize"/> bytes of it, counted as read (after any
/// decompression a caller's handler does). The answer gets a <see cref="BufferedContent"/> of those bytes.
/// </summary>
internal static partial class BoundedBody
{
    private const int FirstChunk = 4096;

    /// <exception cref="ResponseTooLargeException">The body is larger than <paramref name="limit"/>.</exception>
    public static async Task BufferAsync(HttpResponseMessage response, int limit, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var declared = original.Headers.ContentLength;
        if (declared > limit)
        {
            throw new ResponseTooLargeException(limit, declared.Value);
        }

        // One byte more than the declared length, so the loop sees the end without growing.
        var buffer = new byte[declared is { } length ? (int)length + 1 : Math.Min(FirstChunk, limit + 1)];
        var total = 0;
#if NET5_0_OR_GREATER
        using (var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
#else
        using (var body = await original.ReadAsStreamAsync().ConfigureAwait(false))
#endif
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (total > limit)
                    {
                        throw new ResponseTooLargeException(limit, null);
                    }

                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)limit + 1));
                }

                var read = await body.ReadAsync(buffer, total, buffer.Length - total, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }

        if (total > limit)
        {
            throw new ResponseTooLargeException(limit, null);
        }

        var buffered = new BufferedContent(buffer, total);
        CopyHeaders(original, buffered);

        // A charset .NET cannot decode would make every later ReadAsStringAsync throw: read such a body as UTF-8.
        if (buffered.Headers.ContentType is { CharSet: { Length: > 0 } charset } contentType && BodyText.EncodingOf(charset) is null)
        {
            buffered.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType.MediaType ?? "application/octet-stream") { CharSet = "utf-8" };
        }

        response.Content = buffered;
        original.Dispose();
    }
}

internal static partial class BoundedBody
{
    // The content headers but Content-Length (the buffer has its own): Content-Type as already parsed, the rest as they came.
    private static void CopyHeaders(HttpContent from, HttpContent to)
    {
        to.Headers.ContentType = from.Headers.ContentType;
#if NET6_0_OR_GREATER
        foreach (var header in from.Headers.NonValidated)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase) && !string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                foreach (var value in header.Value)
                {
                    to.Headers.TryAddWithoutValidation(header.Key, value);
                }
            }
        }
#else
        foreach (var header in from.Headers)
        {
            if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase) && !string.Equals(header.Key, "Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                to.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
#endif
    }
}

/// <summary>An answer's body, read whole: its bytes stay readable for error messages and logs.</summary>
internal sealed class BufferedContent : ByteArrayContent
{
    public BufferedContent(byte[] buffer, int count)
        : base(buffer, 0, count)
    {
        Bytes = new ArraySegment<byte>(buffer, 0, count);
    }

    public ArraySegment<byte> Bytes { get; }
}

/// <summary>An answer larger than <see cref="PlivoClientOptions.MaxResponseSize"/>: the read stopped there.</summary>
internal sealed class ResponseTooLargeException : IOException
{
    public ResponseTooLargeException(int limit, long? declared)
        : base(declared is { } length
            ? $"The answer declares {length:N0} bytes, more than PlivoClientOptions.MaxResponseSize ({limit:N0} bytes); it was not read."
            : $"The answer is larger than PlivoClientOptions.MaxResponseSize ({limit:N0} bytes); reading stopped there.")
    {
        Limit = limit;
    }

    public int Limit { get; }
}
