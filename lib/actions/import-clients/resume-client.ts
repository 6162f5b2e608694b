"use server";

// 恢复导入客户端 (definition: lib/import-clients/actions/resume.ts).
import { resumeClient } from "@/lib/import-clients/actions/resume";
import { signedEnterpriseAction } from "../safe-action";

export const resumeClientAction = signedEnterpriseAction(resumeClient);
