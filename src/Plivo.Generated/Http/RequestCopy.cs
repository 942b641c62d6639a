using System.Net.Http;
using System.Threading.Tasks;

namespace Plivo.Generated.Http;

/// <summary>
/// A request to send again: an <see cref="HttpClient"/> refuses a message it has already sent, so each retry sends a
/// copy (same method, URI, version, headers, options and content).
/// </summary>
internal static class RequestCopy
{
    /// <summary>
    /// True where <see cref="HttpClient"/> disposes a request's content once sent (.NET Framework, which takes the
    /// netstandard2.0 build): there every attempt, the first too, sends a copy whose content borrows the original's.
    /// </summary>
#if NET5_0_OR_GREATER
    public const bool ContentDisposedWhenSent = false;
#else
    public const bool ContentDisposedWhenSent = true;
#endif

    /// <summary>
    /// The copy shares the original's content, which stays owned (and disposed) by the original; a content built from
    /// bytes, as every generated body is, can be sent any number of times. With <paramref name="borrowContent"/> the copy
    /// gets a wrapper that sends the original's bytes and is disposed alone.
    /// </summary>
    public static HttpRequestMessage Of(HttpRequestMessage request, bool borrowContent = ContentDisposedWhenSent)
    {
        var content = borrowContent && request.Content is not null ? new BorrowedContent(request.Content) : request.Content;
        var copy = new HttpRequestMessage(request.Method, request.RequestUri) { Version = request.Version, Content = content };
#if NET5_0_OR_GREATER
        copy.VersionPolicy = request.VersionPolicy;
        foreach (var option in request.Options)
        {
            ((System.Collections.Generic.IDictionary<string, object?>)copy.Options)[option.Key] = option.Value;
        }

        // NonValidated: the values as they are, without parsing every header into objects just to print them again.
        foreach (var header in request.Headers.NonValidated)
        {
            if (header.Value.Count == 1)
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value.ToString());
            }
            else
            {
                copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }
#else
        foreach (var property in request.Properties)
        {
            copy.Properties[property.Key] = property.Value;
        }

        foreach (var header in request.Headers)
        {
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
#endif

        return copy;
    }

    /// <summary>Sends another content's bytes and headers, and leaves that content undisposed.</summary>
    private sealed class BorrowedContent : HttpContent
    {
        private readonly HttpContent _content;

        public BorrowedContent(HttpContent content)
        {
            _content = content;
            foreach (var header in content.Headers)
            {
                Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        protected override Task SerializeToStreamAsync(System.IO.Stream stream, System.Net.TransportContext? context) =>
            _content.CopyToAsync(stream);

        protected override bool TryComputeLength(out long length)
        {
            length = _content.Headers.ContentLength ?? -1;
            return length >= 0;
        }
    }
}
