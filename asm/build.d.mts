/** Types of asm/build.mjs for the tests. */
export declare const ASC_FLAGS: string[];
export declare function sourceHash(): string;
