namespace Pool.Settlement.Settlement;

/// <summary>Named points of a run where a crash is most dangerous; a crash hook can stop the run there to prove recovery.</summary>
public enum SettlementCrashPoint
{
    /// <summary>A round's plan is committed; nothing signed yet.</summary>
    AfterPlan,

    /// <summary>The signed transaction is recorded in Redis but not yet broadcast.</summary>
    BeforeSend,

    /// <summary>Broadcast, receipt not yet seen.</summary>
    AfterSend,

    /// <summary>The receipt is in hand but Redis does not know yet.</summary>
    AfterReceipt,
}
