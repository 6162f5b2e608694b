/** Array.prototype.map that builds each item only when the consumer asks for it (see storePushMessages). */
export function* mapLazily<T, U>(items: readonly T[], build: (item: T, index: number) => U): Generator<U> {
  for (let index = 0; index < items.length; index++) yield build(items[index], index);
}
