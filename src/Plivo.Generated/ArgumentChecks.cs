using System;

namespace Plivo.Generated;

/// <summary>
/// The checks every caller-supplied value passes before a request is built (against <see cref="PlivoFormats"/>), so that
/// a bad value fails with an exception naming the parameter and nothing is sent.
/// </summary>
internal static class ArgumentChecks
{
    public static void NotBlank(string? value, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (value.Length == 0 || string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("The value must not be empty or whitespace.", paramName);
        }
    }

    /// <summary>A uuid in Plivo's form: 32 hex digits in groups of 8-4-4-4-12.</summary>
    /// <param name="value">The caller's value.</param>
    /// <param name="paramName">The parameter it was passed as.</param>
    /// <param name="credentials">Masks a secret passed as the value in the message (<see cref="PlivoCredentials.Redact"/>).</param>
    public static Guid Uuid(string? value, string paramName, PlivoCredentials? credentials = null)
    {
        NotBlank(value, paramName);
        // Guid.TryParseExact("D") also takes "+", "0x" and surrounding spaces inside the groups: the exact shape comes first.
        if (!PlivoFormats.IsUuid(value) || !Guid.TryParseExact(value, "D", out var uuid))
        {
            throw new ArgumentException(
                $"'{Printable(value!, credentials)}' is not a uuid; expected 8-4-4-4-12 hex digits such as 659c7f88-c819-46e2-8af4-2d8a84249099.",
                paramName);
        }

        return uuid;
    }

    /// <summary>A toll-free number in E.164 form without "+" (<see cref="PlivoFormats.IsPhoneNumber"/>).</summary>
    /// <param name="value">The caller's value.</param>
    /// <param name="paramName">The parameter it was passed as.</param>
    /// <param name="credentials">Masks a secret passed as the value in the message (<see cref="PlivoCredentials.Redact"/>).</param>
    public static string TollfreeNumber(string? value, string paramName, PlivoCredentials? credentials = null)
    {
        NotBlank(value, paramName);
        if (!PlivoFormats.IsPhoneNumber(value))
        {
            throw new ArgumentException(
                $"'{Printable(value!, credentials)}' is not a toll-free number: expected E.164 without '+', 2 to 15 ASCII digits not starting with 0, such as 18772209942.",
                paramName);
        }

        return value!;
    }

    /// <summary>A phone number (a pool's long code) in E.164 form without "+" (<see cref="PlivoFormats.IsPhoneNumber"/>).</summary>
    /// <param name="value">The caller's value.</param>
    /// <param name="paramName">The parameter it was passed as.</param>
    /// <param name="credentials">Masks a secret passed as the value in the message.</param>
    public static string PhoneNumber(string? value, string paramName, PlivoCredentials? credentials = null)
    {
        NotBlank(value, paramName);
        if (!PlivoFormats.IsPhoneNumber(value))
        {
            throw new ArgumentException(
                $"'{Printable(value!, credentials)}' is not a phone number: expected E.164 without '+', 2 to 15 ASCII digits not starting with 0, such as 14155550100.",
                paramName);
        }

        return value!;
    }

    /// <summary>A shortcode: 3 to 8 ASCII digits (<see cref="PlivoFormats.IsShortcode"/>).</summary>
    /// <param name="value">The caller's value.</param>
    /// <param name="paramName">The parameter it was passed as.</param>
    /// <param name="credentials">Masks a secret passed as the value in the message.</param>
    public static string Shortcode(string? value, string paramName, PlivoCredentials? credentials = null)
    {
        NotBlank(value, paramName);
        if (!PlivoFormats.IsShortcode(value))
        {
            throw new ArgumentException($"'{Printable(value!, credentials)}' is not a shortcode: expected 3 to 8 ASCII digits, such as 444444.", paramName);
        }

        return value!;
    }

    /// <summary>A country as an ISO 3166-1 alpha-2 code (<see cref="PlivoFormats.IsCountryIso2"/>), or null.</summary>
    public static string? CountryIso2(string? value, string paramName)
    {
        if (value is not null && !PlivoFormats.IsCountryIso2(value))
        {
            throw new ArgumentException($"'{Printable(value, null)}' is not a country code: expected two capital letters (ISO 3166-1 alpha-2), such as US.", paramName);
        }

        return value;
    }

    public static void PageSize(int? limit, string paramName)
    {
        if (limit is { } value && !PlivoFormats.IsPageSize(value))
        {
            throw new ArgumentOutOfRangeException(paramName, limit, $"The page size must be between {PlivoFormats.MinPageSize} and {PlivoFormats.MaxPageSize}.");
        }
    }

    public static void Offset(int? offset, string paramName)
    {
        if (offset is { } value && !PlivoFormats.IsOffset(value))
        {
            throw new ArgumentOutOfRangeException(paramName, offset, $"The offset must be {PlivoFormats.MinOffset} or more.");
        }
    }

    public static void Defined<TEnum>(TEnum? value, string paramName)
        where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(typeof(TEnum), v))
        {
            throw new ArgumentOutOfRangeException(paramName, v, $"{v} is not a defined {typeof(TEnum).Name}.");
        }
    }

    // Keeps an error message on one readable line whatever the caller passed, and without a secret passed by mistake.
    private static string Printable(string value, PlivoCredentials? credentials)
    {
        const int max = 40;
        value = credentials?.Redact(value) ?? value;
        var shown = value.Length > max ? value.Substring(0, max) + "..." : value;
        var chars = shown.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = '?';
            }
        }

        return new string(chars);
    }
}
