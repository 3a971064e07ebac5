using System.Text.RegularExpressions;
using Pool.Stratum.Security;

namespace Pool.Stratum.Tests.Support;

/// <summary>Accepts regtest-style bech32 addresses (rltc1… / bcrt1…) and refuses anything else with a reason.</summary>
public sealed partial class RegexAddressValidator : IPayoutAddressValidator
{
    public bool TryValidate(string address, out string reason)
    {
        reason = AddressPattern().IsMatch(address) ? "" : "not a regtest bech32 address (rltc1… or bcrt1…)";
        return reason.Length == 0;
    }

    [GeneratedRegex("^(rltc1|bcrt1)[02-9ac-hj-np-z]{20,60}$")]
    private static partial Regex AddressPattern();
}
