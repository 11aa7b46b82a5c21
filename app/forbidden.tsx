// The 403 page, rendered when requireRole refuses (forbidden()).
import { Forbidden } from "@/components/Forbidden";

export default function ForbiddenPage() {
  return <Forbidden />;
}
