import { chronicleConfig } from "@chronicle/eslint-config";

export default chronicleConfig({ pureGlobs: ["packages/domain/src/**/*.ts", "packages/shipping/src/domain/**/*.ts", "packages/contracts/src/**/*.ts"] });
