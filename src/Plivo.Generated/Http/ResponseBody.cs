using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Http;

/// <summary>Reads an answer's whole body into memory inside its attempt, so that the attempt's timeout covers it.</summary>
internal static class ResponseBody
{
    /// <summary>Buffers the answer's body; a cancelled <paramref name="cancellationToken"/> ends the read with an <see cref="OperationCanceledException"/>.</summary>
    public static Task BufferAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
#if NET9_0_OR_GREATER
        response.Content.LoadIntoBufferAsync(cancellationToken);
#else
        BufferByReadingWithTokenAsync(response, cancellationToken);
#endif

    /// <summary>
    /// Before .NET 9 <c>LoadIntoBufferAsync</c> takes no token, so a body that stalls after the headers would outlive the
    /// attempt's timeout (disposing the content instead waits for the connection's drain timeout, 2 s by default). So
    /// the body is read with the token and the answer gets a content of those bytes, with the original's headers.
    /// Compiled everywhere so that the tests, which run on .NET 10, exercise it.
    /// </summary>
    internal static async Task BufferByReadingWithTokenAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var original = response.Content;
        var length = original.Headers.ContentLength;
        var buffer = new MemoryStream(length is > 0 and < 1024 * 1024 ? (int)length.Value : 0);
#if NET5_0_OR_GREATER
        using (var body = await original.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
#else
        using (var body = await original.ReadAsStreamAsync().ConfigureAwait(false))
#endif
        {
            await body.CopyToAsync(buffer, 81920, cancellationToken).ConfigureAwait(false);
        }

        var buffered = new ByteArrayContent(buffer.GetBuffer(), 0, (int)buffer.Length);
        foreach (var header in original.Headers)
        {
            buffered.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = buffered;
        original.Dispose();
    }
}
