import type { ShopCommand } from "../commands/shop-command.ts";
import type { CommandMetadata } from "../shared/metadata.ts";

/** A command with the metadata it is run with: demo data fixes both, so every install tells the same story. */
export interface ScheduledCommand {
  readonly command: ShopCommand;
  readonly metadata: CommandMetadata;
}
