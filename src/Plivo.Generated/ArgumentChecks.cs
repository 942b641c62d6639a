using System;

namespace Plivo.Generated;

/// <summary>
/// The checks every caller-supplied value passes before a request is built, so that a bad value fails with an
/// exception naming the parameter and nothing is sent.
/// </summary>
internal static class ArgumentChecks
{
    /// <summary>The largest page Plivo serves.</summary>
    internal const int MaxPageSize = 20;

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
    public static Guid Uuid(string? value, string paramName)
    {
        NotBlank(value, paramName);
        // Guid.TryParseExact("D") also takes "+", "0x" and surrounding spaces inside the groups: check the exact shape first.
        if (!IsUuidShape(value!) || !Guid.TryParseExact(value, "D", out var uuid))
        {
            throw new ArgumentException(
                $"'{Printable(value!)}' is not a uuid; expected 8-4-4-4-12 hex digits such as 659c7f88-c819-46e2-8af4-2d8a84249099.",
                paramName);
        }

        return uuid;
    }

    private static bool IsUuidShape(string value)
    {
        if (value.Length != 36)
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

    /// <summary>A toll-free number in E.164 form without "+": ASCII digits only, 2 to 15 of them, not starting with 0.</summary>
    public static string TollfreeNumber(string? value, string paramName)
    {
        NotBlank(value, paramName);
        var number = value!;
        var digitsOnly = true;
        foreach (var c in number)
        {
            digitsOnly &= c is >= '0' and <= '9';
        }

        if (!digitsOnly || number.Length is < 2 or > 15 || number[0] == '0')
        {
            throw new ArgumentException(
                $"'{Printable(number)}' is not a toll-free number: expected E.164 without '+', 2 to 15 ASCII digits not starting with 0, such as 18772209942.",
                paramName);
        }

        return number;
    }

    public static void PageSize(int? limit, string paramName)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(paramName, limit, $"The page size must be between 1 and {MaxPageSize}.");
        }
    }

    public static void Offset(int? offset, string paramName)
    {
        if (offset < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, offset, "The offset must be 0 or more.");
        }
    }

    // Keeps an error message on one readable line whatever the caller passed.
    private static string Printable(string value)
    {
        const int max = 40;
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
