namespace Platform.Stacks.Model;

/// <summary>A Kubernetes taint effect.</summary>
public enum TaintEffect
{
    /// <summary>Pods without a toleration are not scheduled.</summary>
    NoSchedule,

    /// <summary>The scheduler avoids the node for pods without a toleration.</summary>
    PreferNoSchedule,

    /// <summary>Pods without a toleration are not scheduled and running ones are evicted.</summary>
    NoExecute,
}
