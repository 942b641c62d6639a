using System;
using System.Text;

namespace Plivo.Generated.Http;

/// <summary>An answer's body as text, in the charset its <c>Content-Type</c> names, or UTF-8 when that charset is unknown or unusable: never an exception.</summary>
internal static class BodyText
{
    public static string? Decode(BufferedContent content)
    {
        var bytes = content.Bytes;
        if (bytes.Count == 0)
        {
            return null;
        }

        var encoding = EncodingOf(content.Headers.ContentType?.CharSet) ?? Encoding.UTF8;
        return encoding.GetString(bytes.Array!, bytes.Offset, bytes.Count);
    }

    /// <summary>The encoding a charset names, or null when .NET has none by that name, or it is UTF-7 (which turns '+' sequences into other text).</summary>
    public static Encoding? EncodingOf(string? charset)
    {
        if (string.IsNullOrWhiteSpace(charset))
        {
            return null;
        }

        try
        {
            var encoding = Encoding.GetEncoding(charset!.Trim('"', ' '));
            return encoding.CodePage == 65000 ? null : encoding;
        }
        catch (ArgumentException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
