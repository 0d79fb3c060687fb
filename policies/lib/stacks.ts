/**
 * The environment a stack deploys, by its name: `production` and `production-<suffix>`
 * (production-eu) are production; every other stack (staging, dev, a personal stack) is
 * staging. The stack schema holds a stack file's golive:environment to it, and the platform
 * policies judge a StackReference by it.
 */
export function environmentOfStack(stack: string): "production" | "staging" {
    return stack === "production" || stack.startsWith("production-") ? "production" : "staging";
}
