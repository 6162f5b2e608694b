"use server";

// 修改接收地址 (definition: lib/import-clients/actions/change-endpoint.ts).
import { changeEndpoint } from "@/lib/import-clients/actions/change-endpoint";
import { signedEnterpriseAction } from "../safe-action";

export const changeEndpointAction = signedEnterpriseAction(changeEndpoint);
