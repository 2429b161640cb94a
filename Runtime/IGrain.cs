namespace PiiOrleans.Runtime;

/// <summary>Marker for grain interfaces. Methods must return <see cref="Task"/>, <see cref="Task{T}"/> or <see cref="ValueTask"/>/<see cref="ValueTask{T}"/>.</summary>
public interface IGrain;
