using System.Reflection;
using Pulumi;

namespace Platform.Components.Kubernetes;

/// <summary>
/// Stamps labels or tags on every resource a component creates, through a resource transformation its children
/// inherit: the labels go into each resource's top-level string map named in the call (<c>Tags</c> on AWS,
/// <c>ResourceLabels</c> on GKE), under whatever the resource sets itself.
/// </summary>
public static class ResourceStamp
{
    /// <summary>A transformation that merges <paramref name="labels"/> into the maps named <paramref name="properties"/>.</summary>
    public static ResourceTransformation Labels(IReadOnlyDictionary<string, string> labels, params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(properties);
        return args =>
        {
            foreach (var name in properties)
            {
                var property = args.Args.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance, null, typeof(InputMap<string>), [], null);
                if (property is not { CanRead: true, CanWrite: true })
                {
                    continue;
                }

                var stamped = new InputMap<string>();
                foreach (var (key, value) in labels)
                {
                    stamped.Add(key, value);
                }

                var own = (InputMap<string>?)property.GetValue(args.Args) ?? [];
                property.SetValue(args.Args, InputMap<string>.Merge(stamped, own));
            }

            return new ResourceTransformationResult(args.Args, args.Options);
        };
    }
}
