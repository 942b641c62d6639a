namespace Plivo.Generated;

/// <summary>
/// The shapes Plivo's API accepts, written once: the client checks every argument against them before sending, and
/// <c>PlivoSandbox</c> answers 400 for a value that breaks them. They mirror the spec's <c>pattern</c>, <c>minimum</c> and
/// <c>maximum</c> (a test holds the two together).
/// </summary>
public static class PlivoFormats
{
    /// <summary>The smallest page a list serves (the spec's <c>limit</c> minimum).</summary>
    public const int MinPageSize = 1;

    /// <summary>The largest page a list serves (the spec's <c>limit</c> maximum, Plivo's default).</summary>
    public const int MaxPageSize = 20;

    /// <summary>The smallest offset of a list (the spec's <c>offset</c> minimum).</summary>
    public const int MinOffset = 0;

    /// <summary>The most digits an E.164 number has.</summary>
    public const int MaxNumberLength = 15;

    /// <summary>
    /// True for a phone number in E.164 form without the leading <c>+</c>: 2 to 15 ASCII digits, not starting with 0
    /// (the spec's <c>^[1-9][0-9]{1,14}$</c>). Toll-free numbers and pool numbers share this shape.
    /// </summary>
    /// <param name="value">The value to check; null is not a number.</param>
    public static bool IsPhoneNumber(string? value)
    {
        return value is { Length: >= 2 and <= MaxNumberLength } && value[0] != '0' && AllDigits(value);
    }

    /// <summary>True for a uuid in Plivo's form: 32 hex digits in groups of 8-4-4-4-12, nothing else (the spec's <c>format: uuid</c>).</summary>
    /// <param name="value">The value to check; null is not a uuid.</param>
    public static bool IsUuid(string? value)
    {
        if (value is null || value.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = i is 8 or 13 or 18 or 23 ? c == '-' : c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';
            if (!ok)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The most prefixes one numbers list takes in <c>starts_with</c>.</summary>
    public const int MaxStartsWithPrefixes = 10;

    /// <summary>True for a shortcode: 3 to 8 ASCII digits (the spec's <c>^[0-9]{3,8}$</c>).</summary>
    /// <param name="value">The value to check; null is not a shortcode.</param>
    public static bool IsShortcode(string? value) => value is { Length: >= 3 and <= 8 } && AllDigits(value);

    /// <summary>True for a country as an ISO 3166-1 alpha-2 code: two capital ASCII letters (the spec's <c>^[A-Z]{2}$</c>).</summary>
    /// <param name="value">The value to check; null is not a country.</param>
    public static bool IsCountryIso2(string? value) => value is { Length: 2 } && value[0] is >= 'A' and <= 'Z' && value[1] is >= 'A' and <= 'Z';

    /// <summary>True for a number prefix in <c>starts_with</c>: 1 to 15 ASCII digits.</summary>
    /// <param name="value">The value to check.</param>
    public static bool IsNumberPrefix(string? value) => value is { Length: >= 1 and <= MaxNumberLength } && AllDigits(value);

    private static bool AllDigits(string value)
    {
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for a page size a list accepts: <see cref="MinPageSize"/> to <see cref="MaxPageSize"/>.</summary>
    /// <param name="limit">The page size.</param>
    public static bool IsPageSize(int limit) => limit is >= MinPageSize and <= MaxPageSize;

    /// <summary>True for an offset a list accepts: <see cref="MinOffset"/> or more.</summary>
    /// <param name="offset">The offset.</param>
    public static bool IsOffset(int offset) => offset >= MinOffset;
}
