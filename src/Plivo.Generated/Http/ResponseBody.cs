using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Plivo.Generated.Http;

/// <summary>Reads an answer's whole body into memory inside its attempt, so that the attempt's timeout covers it.</summary>
internal static class ResponseBody
{
    /// <summary>Buffers <paramref name="content"/>; a cancelled <paramref name="cancellationToken"/> ends the read with an <see cref="OperationCanceledException"/>.</summary>
    public static Task BufferAsync(HttpContent content, CancellationToken cancellationToken) =>
#if NET9_0_OR_GREATER
        content.LoadIntoBufferAsync(cancellationToken);
#else
        BufferByDisposingOnCancelAsync(content, cancellationToken);
#endif

    /// <summary>
    /// Before .NET 9 <c>LoadIntoBufferAsync</c> takes no token, so a body that stalls after the headers would outlive
    /// the attempt's timeout: cancelling disposes the content, which aborts the read. (Compiled everywhere so the tests,
    /// which run on .NET 10, exercise it.)
    /// </summary>
    internal static async Task BufferByDisposingOnCancelAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var registration = cancellationToken.Register(static c => ((HttpContent)c!).Dispose(), content);
        try
        {
            await content.LoadIntoBufferAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
        {
            throw new OperationCanceledException("The body was not read before the attempt was cancelled.", e, cancellationToken);
        }
        finally
        {
            // Waits for a running callback: after this, the content is disposed only if the token was cancelled.
            registration.Dispose();
        }

        cancellationToken.ThrowIfCancellationRequested();
    }
}
