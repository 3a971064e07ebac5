using System.Diagnostics.CodeAnalysis;
using Nethereum.Util;

namespace Pool.Settlement.Addresses;

/// <summary>Validates EVM addresses (EIP-55 checksum when mixed case) and normalizes them to checksummed form.</summary>
public static class EvmAddress
{
    private const string Prefix = "0x";
    private const int HexDigits = 40;

    /// <summary>The checksummed address, or false with a message saying what is wrong.</summary>
    public static bool TryNormalize(string? address, [NotNullWhen(true)] out string? normalized, [NotNullWhen(false)] out string? error)
    {
        normalized = null;
        var text = address?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "the token address is empty";
            return false;
        }

        if (!text.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || text.Length != Prefix.Length + HexDigits || !text[2..].All(Uri.IsHexDigit))
        {
            error = $"'{text}' is not an EVM address: expected 0x followed by 40 hex digits";
            return false;
        }

        var digits = text[2..];
        var mixedCase = digits.Any(char.IsUpper) && digits.Any(char.IsLower);
        if (mixedCase && !AddressUtil.Current.IsChecksumAddress(Prefix + digits))
        {
            error = $"'{text}' fails its EIP-55 checksum (mixed case must match the checksum): check it for a typo, or give it in all lower case";
            return false;
        }

        if (digits.All(c => c == '0'))
        {
            error = "the zero address cannot receive tokens";
            return false;
        }

        normalized = AddressUtil.Current.ConvertToChecksumAddress(Prefix + digits.ToLowerInvariant());
        error = null;
        return true;
    }

    /// <summary>The checksummed address.</summary>
    /// <exception cref="ArgumentException">The address is invalid; the message says why.</exception>
    public static string Normalize(string? address, string parameterName = "address") =>
        TryNormalize(address, out var normalized, out var error) ? normalized : throw new ArgumentException(error, parameterName);
}
