// Where the proxy sends a signed-in user whose role does not allow the page (answered with 403).
import { Forbidden } from "@/components/Forbidden";

export const metadata = { title: "Not allowed" };

export default function ForbiddenPage() {
  return <Forbidden />;
}
