using System.Runtime.CompilerServices;

namespace Pool.Stratum.Shares;

/// <summary>32 bytes held inline (a block hash), so share results need no array.</summary>
[InlineArray(32)]
public struct Hash32
{
    private byte _element0;
}
