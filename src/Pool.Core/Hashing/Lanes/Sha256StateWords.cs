using System.Runtime.CompilerServices;

namespace Pool.Core.Hashing.Lanes;

/// <summary>Eight SHA-256 state words stored inline, so a midstate is a plain value with no array behind it.</summary>
[InlineArray(8)]
internal struct Sha256StateWords
{
    private uint _word;
}
