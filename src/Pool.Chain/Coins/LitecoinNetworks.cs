using NBitcoin;
using NBitcoin.DataEncoders;

namespace Pool.Chain.Coins;

/// <summary>Litecoin's networks as an NBitcoin network set, for address parsing's address parsing (prefixes and genesis from Litecoin Core's chain parameters).</summary>
public sealed class LitecoinNetworks : NetworkSetBase
{
    // The three genesis blocks share one coinbase and merkle root; only time, bits and nonce differ.
    private const string GenesisVersionPrevAndRoot =
        "01000000" + "0000000000000000000000000000000000000000000000000000000000000000"
        + "d9ced4ed1130f7b7faad9be25323ffafa33232a17c3edf6cfd97bee6bafbdd97";

    private const string GenesisTransactions =
        "01" + "01000000010000000000000000000000000000000000000000000000000000000000000000ffffffff4804ffff001d"
        + "0104404e592054696d65732030352f4f63742f32303131205374657665204a6f62732c204170706c65e280997320566973"
        + "696f6e6172792c2044696573206174203536ffffffff0100f2052a010000004341040184710fa689ad5023690c80f3a49c"
        + "8f13f8d45b8c857fbcbc8bc4a8e4d3eb4b10f4d4604fa08dce601aaf0f470216fe1b51850b4acf21b179c45070ac7b03a9ac00000000";

    private LitecoinNetworks()
    {
    }

    /// <summary>The set, registered with NBitcoin on first use.</summary>
    public static LitecoinNetworks Instance { get; } = new();

    /// <summary>Litecoin mainnet: L/M addresses, bech32 "ltc".</summary>
    public static Network Main => Instance.Mainnet;

    /// <summary>Litecoin testnet (testnet4 data dir): m/n/Q addresses, bech32 "tltc".</summary>
    public static Network Test => Instance.Testnet;

    /// <summary>Litecoin regtest: m/n/Q addresses, bech32 "rltc".</summary>
    public static Network Reg => Instance.Regtest;

    public override string CryptoCode => "LTC";

    protected override NetworkBuilder CreateMainnet() => Build(
        "pool-litecoin-main", 0xdbb6c0fb, 9333, 9332,
        pubkey: 48, script: 50, secret: 176, hrp: "ltc", extPublic: 0x0488b21e, extSecret: 0x0488ade4,
        timeBitsNonce: "b9aa8e4e" + "f0ff0f1e" + "cd513f7c");

    protected override NetworkBuilder CreateTestnet() => Build(
        "pool-litecoin-testnet", 0xf1c8d2fd, 19335, 19332,
        pubkey: 111, script: 58, secret: 239, hrp: "tltc", extPublic: 0x043587cf, extSecret: 0x04358394,
        timeBitsNonce: "f60ba158" + "f0ff0f1e" + "e1790400");

    protected override NetworkBuilder CreateRegtest() => Build(
        "pool-litecoin-regtest", 0xdab5bffa, 19444, 19443,
        pubkey: 111, script: 58, secret: 239, hrp: "rltc", extPublic: 0x043587cf, extSecret: 0x04358394,
        timeBitsNonce: "dae5494d" + "ffff7f20" + "00000000");

    protected override void PostInit()
    {
    }

    private static NetworkBuilder Build(
        string name,
        uint magic,
        int port,
        int rpcPort,
        byte pubkey,
        byte script,
        byte secret,
        string hrp,
        uint extPublic,
        uint extSecret,
        string timeBitsNonce)
    {
        var consensus = new Consensus
        {
            SupportSegwit = true,
            SupportTaproot = true,
            CoinbaseMaturity = 100,
        };

        return new NetworkBuilder()
            .SetName(name)
            .SetConsensus(consensus)
            .SetMagic(magic)
            .SetPort(port)
            .SetRPCPort(rpcPort)
            .SetBase58Bytes(Base58Type.PUBKEY_ADDRESS, [pubkey])
            .SetBase58Bytes(Base58Type.SCRIPT_ADDRESS, [script])
            .SetBase58Bytes(Base58Type.SECRET_KEY, [secret])
            .SetBase58Bytes(Base58Type.EXT_PUBLIC_KEY, BigEndian(extPublic))
            .SetBase58Bytes(Base58Type.EXT_SECRET_KEY, BigEndian(extSecret))
            .SetBech32(Bech32Type.WITNESS_PUBKEY_ADDRESS, Encoders.Bech32(hrp))
            .SetBech32(Bech32Type.WITNESS_SCRIPT_ADDRESS, Encoders.Bech32(hrp))
            .SetBech32(Bech32Type.TAPROOT_ADDRESS, Encoders.Bech32(hrp))
            .SetGenesis(GenesisVersionPrevAndRoot + timeBitsNonce + GenesisTransactions);
    }

    private static byte[] BigEndian(uint value) =>
        [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];
}
